import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { functionalLevelName } from "../../../agent/gatherers/directory/functional-level.js";
import { gatherDirectory } from "../../../agent/gatherers/directory/index.js";
import {
  domainHintsFromHosts,
  netbiosGroups,
  parseNbstatNames,
} from "../../../agent/gatherers/directory/names-from-hosts.js";
import { domainFromRootDse, readRootDse } from "../../../agent/gatherers/directory/root-dse.js";
import type { DnsLookup } from "../../../agent/gatherers/directory/srv.js";
import { cleanDomainName, dnsNameFromDn } from "../../../agent/gatherers/shared/text.js";
import { type HostInput, HostSchema } from "../../../schema/audit.js";
import { fakeContext, fixture } from "./fake-context.js";
import { startFakeLdap } from "./fake-ldap-server.js";

const nb = (name: string, suffix: string, group: boolean) => ({ name, suffix, group });

describe("names", () => {
  it.each([
    ["sevenkingdoms.local0.", "sevenkingdoms.local"],
    ["SEVENKINGDOMS.LOCAL\u0000", "sevenkingdoms.local"],
    ["corp.example.com\\x00", "corp.example.com"],
    ["corp.example.test.", "corp.example.test"],
    ["host10.", "host10"],
    ["bad name!", undefined],
  ])("cleans %j", (raw, clean) => {
    expect(cleanDomainName(raw)).toBe(clean);
  });
  it("turns a naming context into a DNS name", () => {
    expect(dnsNameFromDn("DC=sevenkingdoms,DC=local")).toBe("sevenkingdoms.local");
    expect(dnsNameFromDn("CN=Configuration,DC=corp,DC=example,DC=test")).toBe("corp.example.test");
    expect(dnsNameFromDn("O=nothing")).toBeUndefined();
  });
  it("names functional levels", () => {
    expect(functionalLevelName("0")).toBe("2000");
    expect(functionalLevelName("4")).toBe("2008 R2");
    expect(functionalLevelName("7")).toBe("2016");
    expect(functionalLevelName("42")).toBe("level 42");
    expect(functionalLevelName(undefined)).toBeUndefined();
  });
});

describe("domain names seen in scan results", () => {
  it("reads smb-os-discovery, rdp-ntlm-info, ldap-rootdse and the Microsoft LDAP banner", () => {
    const hosts: HostInput[] = [
      {
        ip: "10.0.0.10",
        status: { state: "up" },
        services: [
          {
            port: 389,
            protocol: "tcp",
            state: "open",
            name: "ldap",
            product: "Microsoft Windows Active Directory LDAP",
            extraInfo: "Domain: sevenkingdoms.local0., Site: Default-First-Site-Name",
          },
          {
            port: 3389,
            protocol: "tcp",
            state: "open",
            scripts: {
              "rdp-ntlm-info": {
                output: "",
                data: {
                  NetBIOS_Domain_Name: "SEVENKINGDOMS",
                  DNS_Domain_Name: "sevenkingdoms.local",
                  DNS_Tree_Name: "sevenkingdoms.local",
                },
              },
            },
          },
        ],
      },
      {
        ip: "10.0.0.20",
        status: { state: "up" },
        scripts: {
          "smb-os-discovery": {
            output: "",
            data: {
              domain: "NORTH",
              domain_dns: "north.sevenkingdoms.local",
              forest_dns: "sevenkingdoms.local",
            },
          },
        },
      },
      {
        ip: "10.0.0.30",
        status: { state: "up" },
        services: [
          {
            port: 389,
            protocol: "tcp",
            state: "open",
            scripts: {
              "ldap-rootdse": {
                output: "\n  LDAP Results\n    <ROOT>\n        defaultNamingContext: DC=essos,DC=local\n",
              },
            },
          },
        ],
      },
    ];
    const hints = domainHintsFromHosts(
      hosts.map((h) => ({
        ...h,
        hostnames: [],
        services: [],
        scripts: {},
        tls: [],
        announcements: [],
        sharedMacWith: [],
        sources: [],
        ipv6: [],
        extraPorts: [],
        ...h,
      })) as never,
    );
    expect(hints).toEqual(
      expect.arrayContaining([
        { dnsName: "sevenkingdoms.local", source: "ldap-banner", host: "10.0.0.10", netbiosName: undefined },
        {
          dnsName: "sevenkingdoms.local",
          source: "rdp-ntlm-info",
          host: "10.0.0.10",
          netbiosName: "SEVENKINGDOMS",
        },
        {
          dnsName: "north.sevenkingdoms.local",
          source: "smb-os-discovery",
          host: "10.0.0.20",
          netbiosName: "NORTH",
        },
        { dnsName: "essos.local", source: "ldap-rootdse", host: "10.0.0.30", netbiosName: undefined },
      ]),
    );
  });
});

describe("NetBIOS groups", () => {
  const host = (ip: string, names: ReturnType<typeof nb>[]) =>
    ({ ip, status: { state: "up" }, netbios: { names }, services: [], scripts: {} }) as never;
  it("tells a domain (with <1C> controllers) from a workgroup", () => {
    const groups = netbiosGroups([
      host("10.0.0.10", [
        nb("DC01", "00", false),
        nb("CORP", "00", true),
        nb("CORP", "1c", true),
        nb("CORP", "1b", false),
      ]),
      host("10.0.0.21", [nb("PC21", "00", false), nb("CORP", "00", true)]),
      host("10.0.0.30", [
        nb("NAS", "00", false),
        nb("WORKGROUP\u0000", "00", true),
        nb("WORKGROUP", "1d", false),
        nb("\u0001\u0002__MSBROWSE__\u0002", "01", true),
      ]),
    ]);
    expect(groups).toEqual([
      expect.objectContaining({
        name: "CORP",
        kind: "domain",
        members: ["10.0.0.10", "10.0.0.21"],
        controllers: ["10.0.0.10"],
        domainMasterBrowsers: ["10.0.0.10"],
      }),
      expect.objectContaining({
        name: "WORKGROUP",
        kind: "workgroup",
        members: ["10.0.0.30"],
        masterBrowsers: ["10.0.0.30"],
      }),
    ]);
  });
});

describe("LDAP rootDSE", () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  it("reads a rootDSE anonymously and maps it to a domain", async () => {
    const server = await startFakeLdap({
      defaultNamingContext: ["DC=sevenkingdoms,DC=local"],
      rootDomainNamingContext: ["DC=sevenkingdoms,DC=local"],
      dnsHostName: ["kingslanding.sevenkingdoms.local"],
      domainFunctionality: ["7"],
      forestFunctionality: ["7"],
      domainControllerFunctionality: ["10"],
      supportedLDAPVersion: ["2", "3"],
    });
    close = server.close;
    const rootDse = await readRootDse("127.0.0.1", { port: server.port, timeoutMs: 1000 });
    expect(rootDse.supportedLDAPVersion).toBe("2,3");
    expect(domainFromRootDse(rootDse, "127.0.0.1", server.port)).toEqual({
      dnsName: "sevenkingdoms.local",
      controllers: [
        {
          hostname: "kingslanding.sevenkingdoms.local",
          ip: "127.0.0.1",
          port: server.port,
          source: "ldap-rootdse",
        },
      ],
      functionalLevel: "2016",
      forestFunctionalLevel: "2016",
      domainControllerFunctionality: "2025",
      namingContext: "DC=sevenkingdoms,DC=local",
      forestName: "sevenkingdoms.local",
      sources: ["ldap-rootdse"],
    });
  });

  it("gives up on a silent server within its time limit", async () => {
    const server = await startFakeLdap({}, "silent");
    close = server.close;
    const started = Date.now();
    await expect(readRootDse("127.0.0.1", { port: server.port, timeoutMs: 300 })).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

function fakeLookup(
  srv: Record<string, { hostname: string; port: number }[]>,
  a: Record<string, string[]>,
): DnsLookup {
  return {
    srv: async (name) => srv[name] ?? [],
    a: async (hostname) => a[hostname] ?? [],
    cancel: () => undefined,
  };
}

describe("directory collector", () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  it("finds the domain through SRV, reads its DC's rootDSE and names the NetBIOS domain", async () => {
    const server = await startFakeLdap({
      defaultNamingContext: ["DC=corp,DC=example,DC=test"],
      dnsHostName: ["dc01.corp.example.test"],
      domainFunctionality: ["6"],
    });
    close = server.close;
    const { ctx, draft } = fakeContext({
      hosts: [
        {
          ip: "127.0.0.1",
          status: { state: "up" },
          netbios: { names: [nb("CORP", "00", true), nb("CORP", "1c", true)] },
        },
        { ip: "127.0.0.21", status: { state: "up" }, netbios: { names: [nb("CORP", "00", true)] } },
      ],
      draft: {
        agent: {
          interfaces: [],
          dnsServers: ["127.0.0.1"],
          searchDomain: "corp.example.test",
          privileges: { admin: false, rawSockets: false },
          wifiNetworks: [],
          antivirus: [],
        },
      },
    });
    await gatherDirectory(ctx, {
      dnsTimeoutMs: 500,
      ldapTimeoutMs: 1000,
      ldapPort: server.port,
      lookup: () =>
        fakeLookup(
          { "_ldap._tcp.dc._msdcs.corp.example.test": [{ hostname: "dc01.corp.example.test", port: 389 }] },
          { "dc01.corp.example.test": ["127.0.0.1"] },
        ),
    });
    expect(draft.directory.domains).toEqual([
      expect.objectContaining({
        dnsName: "corp.example.test",
        netbiosName: "CORP",
        functionalLevel: "2012 R2",
        controllers: [
          expect.objectContaining({
            hostname: "dc01.corp.example.test",
            ip: "127.0.0.1",
            source: "dns-srv-dc",
          }),
        ],
        sources: expect.arrayContaining(["dns-srv", "ldap-rootdse", "nbstat"]),
      }),
    ]);
    expect(draft.directory.workgroups).toEqual([]);
    expect(draft.probes.map((p) => [p.id, p.status])).toEqual([
      ["dns-srv", "ok"],
      ["ldap-rootdse", "ok"],
    ]);
  });

  it("records a workgroup and no domain when nothing answers for a domain", async () => {
    const { ctx, draft } = fakeContext({
      hosts: [
        {
          ip: "127.0.0.30",
          status: { state: "up" },
          netbios: { names: [nb("WORKGROUP", "00", true), nb("WORKGROUP", "1d", false)] },
        },
        { ip: "127.0.0.31", status: { state: "up" }, netbios: { names: [nb("WORKGROUP", "00", true)] } },
      ],
      draft: {
        agent: {
          interfaces: [],
          dnsServers: ["127.0.0.1"],
          searchDomain: "shop.lan",
          privileges: { admin: false, rawSockets: false },
          wifiNetworks: [],
          antivirus: [],
        },
      },
    });
    await gatherDirectory(ctx, {
      dnsTimeoutMs: 500,
      ldapTimeoutMs: 500,
      ldapPort: 389,
      lookup: () => fakeLookup({}, {}),
    });
    expect(draft.directory.domains).toEqual([]);
    expect(draft.directory.workgroups).toEqual([
      { name: "WORKGROUP", hosts: ["127.0.0.30", "127.0.0.31"], sources: ["nbstat"] },
    ]);
  });

  it("turns DNS and LDAP failures into warnings and skips DCs outside the scope", async () => {
    const { ctx, draft } = fakeContext({
      allowed: (ip) => ip !== "127.0.0.99",
      hosts: [
        {
          ip: "127.0.0.5",
          status: { state: "up" },
          services: [{ port: 389, protocol: "tcp", state: "open" }],
        },
      ],
      draft: {
        agent: {
          interfaces: [],
          dnsServers: ["127.0.0.1"],
          searchDomain: "corp.example.test",
          privileges: { admin: false, rawSockets: false },
          wifiNetworks: [],
          antivirus: [],
        },
      },
    });
    await gatherDirectory(ctx, {
      dnsTimeoutMs: 300,
      ldapTimeoutMs: 300,
      ldapPort: 1, // nothing listens: connection refused
      lookup: () => ({
        srv: async (name) => {
          if (name.startsWith("_kerberos")) throw new Error("queryTimeout");
          return name.startsWith("_ldap") ? [{ hostname: "dc9.corp.example.test", port: 389 }] : [];
        },
        a: async () => ["127.0.0.99"],
        cancel: () => undefined,
      }),
    });
    expect(draft.warnings.map((w) => w.message)).toEqual(
      expect.arrayContaining([
        "DNS SRV _kerberos._tcp.corp.example.test failed: queryTimeout",
        "domain controller dc9.corp.example.test (127.0.0.99) is outside the scope: LDAP not read",
        expect.stringMatching(/^LDAP rootDSE of 127\.0\.0\.5 not readable/),
      ]),
    );
    expect(draft.probes.find((p) => p.id === "ldap-rootdse")?.targets).toEqual(["127.0.0.5"]);
    expect(draft.directory.domains[0]?.dnsName).toBe("corp.example.test");
  });
});

describe("recorded lab hosts (office scenario)", () => {
  const hosts = (JSON.parse(readFileSync(fixture("lab-office-hosts.json"), "utf8")) as HostInput[]).map((h) =>
    HostSchema.parse(h),
  );

  it("reads NetBIOS names from nbstat text: CORP is a domain (DC01 registers <1C>)", () => {
    expect(parseNbstatNames(hosts[0]?.scripts.nbstat?.output)).toContainEqual({
      name: "CORP",
      suffix: "1c",
      group: true,
    });
    const groups = netbiosGroups(hosts);
    expect(groups).toEqual([
      expect.objectContaining({
        name: "CORP",
        kind: "domain",
        controllers: ["10.77.10.10"],
        members: ["10.77.10.10", "10.77.10.11", "10.77.10.12", "10.77.10.101"],
      }),
    ]);
  });

  it("takes the NetBIOS domain name from smb-os-discovery's workgroup, without nmap's \\x00", () => {
    expect(domainHintsFromHosts(hosts)).toContainEqual({
      dnsName: "corp.example.com",
      netbiosName: "CORP",
      source: "smb-os-discovery",
      host: "10.77.10.11",
    });
  });
});

describe("domain members seen without nbstat", () => {
  it("counts an SMB banner's workgroup as the domain's NetBIOS name once SRV confirmed the domain", async () => {
    const { ctx, draft } = fakeContext({
      hosts: [
        {
          ip: "127.0.0.11",
          status: { state: "up" },
          services: [
            { port: 445, protocol: "tcp", state: "open", name: "netbios-ssn", extraInfo: "workgroup: CORP" },
          ],
        },
        {
          ip: "127.0.0.12",
          status: { state: "up" },
          services: [
            { port: 139, protocol: "tcp", state: "open", name: "netbios-ssn", extraInfo: "workgroup: HOME" },
          ],
        },
      ],
      draft: {
        agent: {
          interfaces: [],
          dnsServers: ["127.0.0.1"],
          searchDomain: "corp.example.test",
          privileges: { admin: false, rawSockets: false },
          wifiNetworks: [],
          antivirus: [],
        },
      },
    });
    await gatherDirectory(ctx, {
      dnsTimeoutMs: 300,
      ldapTimeoutMs: 300,
      ldapPort: 389,
      lookup: () =>
        fakeLookup(
          { "_ldap._tcp.dc._msdcs.corp.example.test": [{ hostname: "dc01.corp.example.test", port: 389 }] },
          {},
        ),
    });
    expect(draft.directory.domains).toEqual([
      expect.objectContaining({
        dnsName: "corp.example.test",
        netbiosName: "CORP",
        sources: ["dns-srv", "smb-banner"],
      }),
    ]);
    expect(draft.directory.workgroups).toEqual([
      { name: "HOME", hosts: ["127.0.0.12"], sources: ["smb-banner"] },
    ]);
  });
});
