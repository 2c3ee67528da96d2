import { describe, expect, it } from "vitest";
import { parseNmapXml } from "../../../agent/nmap/parse-xml.js";
import { HostSchema } from "../../../schema/audit.js";
import { fixture } from "./fixtures.js";

describe("parseNmapXml on a hand-made Windows domain scan", () => {
  const { run, hosts } = parseNmapXml(fixture("hand-made-windows-domain.xml"));
  const dc = hosts.find((h) => h.ip === "10.20.0.10")!;
  const pc = hosts.find((h) => h.ip === "10.20.0.23")!;

  it("leaves out hosts nmap reported down, but keeps the run's counts", () => {
    expect(hosts.map((h) => h.ip)).toEqual(["10.20.0.10", "10.20.0.23"]);
    expect(run.runstats).toMatchObject({ hostsUp: 2, hostsDown: 253, hostsTotal: 255 });
    expect(run.scanInfo.map((s) => s.type)).toEqual(["syn", "udp"]);
  });

  it("keeps IPv4, IPv6 and the MAC with nmap's vendor", () => {
    expect(dc.ip).toBe("10.20.0.10");
    expect(dc.ipv6).toEqual(["fd00:20::10"]);
    expect(dc.mac).toBe("00:15:5D:01:02:0A");
    expect(dc.vendor).toBe("Microsoft");
    expect(pc.vendor).toBe("Dell");
  });

  it("keeps hostnames with their type, and adds the NetBIOS name", () => {
    expect(dc.hostnames).toEqual([
      { name: "dc01.corp.example.test", type: "user" },
      { name: "DC01.corp.example.test", type: "PTR" },
      { name: "DC01", type: "netbios" },
    ]);
  });

  it("keeps service hostname, devicetype, udp ports and open|filtered states", () => {
    expect(dc.services.find((s) => s.port === 389)).toMatchObject({
      hostname: "DC01",
      deviceType: "general purpose",
    });
    expect(pc.services.find((s) => s.port === 137)).toMatchObject({
      protocol: "udp",
      state: "open|filtered",
      reason: "no-response",
    });
  });

  it("keeps extraports and host scripts with structured data", () => {
    expect(dc.extraPorts).toEqual([{ state: "closed", count: 2 }]);
    expect(dc.scripts["smb-os-discovery"]?.data).toMatchObject({
      domain_dns: "corp.example.test",
      domain: "CORP",
    });
    expect(dc.scripts["ldap-rootdse"]).toBeUndefined();
    expect(dc.services.find((s) => s.port === 389)?.scripts["ldap-rootdse"]?.output).toContain(
      "domainFunctionality: 7",
    );
  });

  it("fills netbios from nbstat: name, user, MAC and names with suffix and group flag", () => {
    expect(dc.netbios).toEqual({
      name: "DC01",
      mac: "00:15:5d:01:02:0a",
      names: [
        { name: "DC01", suffix: "00", group: false },
        { name: "CORP", suffix: "00", group: true },
        { name: "CORP", suffix: "1c", group: true },
        { name: "DC01", suffix: "20", group: false },
        { name: "CORP", suffix: "1b", group: false },
      ],
    });
    expect(pc.netbios?.user).toBe("FRONTDESK");
  });

  it("keeps Windows OS matches with their class", () => {
    expect(dc.os?.matches[0]).toMatchObject({
      name: "Microsoft Windows Server 2016 build 10586 - 14393",
      accuracy: 97,
      classes: [{ vendor: "Microsoft", family: "Windows", generation: "2016", type: "general purpose" }],
    });
    expect(dc.uptime).toEqual({ seconds: 864000, lastBoot: "Mon Nov 17 08:00:00 2025" });
    expect(dc.distance).toBe(1);
    expect(dc.latencyMs).toBe(0.612);
  });
});

describe("parseNmapXml on hand-made NSE nesting, IPv6-only hosts and an EC certificate", () => {
  const { hosts, warnings } = parseNmapXml(fixture("hand-made-nesting.xml"), "nesting.xml");
  const nas = hosts[0]!;

  it("uses the IPv6 address as ip when a host has no IPv4", () => {
    expect(nas.ip).toBe("fd00:20::44");
    expect(nas.ipv6).toEqual(["fd00:20::44"]);
    expect(nas.vendor).toBe("Synology Incorporated");
    expect(HostSchema.parse(nas)).toEqual(nas);
  });

  it("turns elem/table into strings, objects and arrays (mixed tables number their unkeyed entries)", () => {
    expect(nas.services[1]?.scripts["test-nesting"]?.data).toEqual({
      plain: "  leading and trailing spaces kept  ",
      empty: "",
      list: ["first", "second"],
      records: [
        { name: "a", value: "1" },
        { name: "b", value: "2" },
      ],
      mixed: { count: "2", "1": "x", "2": "y" },
      dupes: { k: "one", "k#2": "two" },
      nothing: [],
    });
  });

  it("does not let a hostile __proto__ key reach Object.prototype", () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(nas.services[1]?.scripts["test-nesting"]?.data)).toBe(Object.prototype);
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  it("takes nmap's own SHA-256 and the EC key, and tells a CA-issued certificate from a self-signed one", () => {
    expect(nas.tls).toEqual([
      {
        port: 443,
        subject: "commonName=nas.corp.example.test",
        issuer: "commonName=Corp Example Issuing CA/organizationName=Corp Example",
        selfSigned: false,
        notBefore: "2025-01-01T00:00:00",
        notAfter: "2026-01-01T00:00:00",
        keyType: "ec",
        keyBits: 256,
        sha256: "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
      },
    ]);
  });

  it("marks a host cut short by --host-timeout and warns", () => {
    expect(hosts[1]).toMatchObject({ ip: "fd00:20::55", timedOut: true });
    expect(warnings).toEqual([
      {
        source: "nmap",
        host: "fd00:20::55",
        message: "nesting.xml: nmap's per-host time limit cut the scan of fd00:20::55 short",
      },
    ]);
  });
});
