import { describe, expect, it } from "vitest";
import { mergeHost, mergeHostLists } from "../../../agent/merge-hosts.js";
import { parseNmapXml } from "../../../agent/nmap/parse-xml.js";
import { type Host, HostSchema, type HostInput } from "../../../schema/audit.js";
import { fixture } from "./fixtures.js";

const host = (input: Partial<HostInput> & { ip: string }): Host =>
  HostSchema.parse({ status: { state: "up" }, ...input });

describe("mergeHost", () => {
  it("unions services by port+protocol; the richer record wins and the other fills its gaps", () => {
    const discovery = host({
      ip: "10.0.0.5",
      services: [
        { port: 22, protocol: "tcp", state: "open", reason: "syn-ack", name: "ssh", method: "table" },
        { port: 53, protocol: "udp", state: "open" },
      ],
    });
    const versions = host({
      ip: "10.0.0.5",
      services: [
        {
          port: 22,
          protocol: "tcp",
          state: "open",
          name: "ssh",
          product: "OpenSSH",
          version: "9.2p1",
          method: "probed",
          cpe: ["cpe:/a:openbsd:openssh:9.2p1"],
          scripts: { banner: { output: "SSH-2.0-OpenSSH_9.2p1" } },
        },
        { port: 53, protocol: "tcp", state: "open", name: "domain" },
      ],
    });
    const merged = mergeHost(discovery, versions);
    expect(merged.services.map((s) => `${s.port}/${s.protocol}`)).toEqual(["22/tcp", "53/tcp", "53/udp"]);
    expect(merged.services[0]).toMatchObject({
      product: "OpenSSH",
      version: "9.2p1",
      method: "probed",
      reason: "syn-ack",
      cpe: ["cpe:/a:openbsd:openssh:9.2p1"],
      scripts: { banner: { output: "SSH-2.0-OpenSSH_9.2p1" } },
    });
    // the poorer record arriving later does not erase the richer one
    const again = mergeHost(merged, discovery);
    expect(again.services[0]).toMatchObject({ product: "OpenSSH", version: "9.2p1", method: "probed" });
  });

  it("merges scripts, de-duplicates hostnames, IPv6 and sources, and lets later scalars win", () => {
    const a = host({
      ip: "10.0.0.5",
      mac: "00:11:22:33:44:55",
      hostnames: [{ name: "fs1.corp.test", type: "PTR" }],
      ipv6: ["fd00::5"],
      scripts: { "smb-os-discovery": { output: "OS: Windows" } },
      sources: ["nmap-discovery"],
      latencyMs: 1.5,
      startedAt: "2025-01-01T10:00:00.000Z",
      finishedAt: "2025-01-01T10:01:00.000Z",
    });
    const b: Partial<Host> = {
      vendor: "Dell",
      hostnames: [
        { name: "FS1.corp.test", type: "PTR" },
        { name: "FS1", type: "netbios" },
      ],
      ipv6: ["FD00::5", "fd00::6"],
      scripts: { nbstat: { output: "NetBIOS name: FS1" } },
      sources: ["nmap-discovery", "nmap-services"],
      latencyMs: 0.8,
      startedAt: "2025-01-01T10:02:00.000Z",
      finishedAt: "2025-01-01T10:03:00.000Z",
    };
    const merged = mergeHost(a, b);
    expect(merged).toMatchObject({
      ip: "10.0.0.5",
      mac: "00:11:22:33:44:55",
      vendor: "Dell",
      latencyMs: 0.8,
      hostnames: [
        { name: "fs1.corp.test", type: "PTR" },
        { name: "FS1", type: "netbios" },
      ],
      ipv6: ["fd00::5", "fd00::6"],
      sources: ["nmap-discovery", "nmap-services"],
      startedAt: "2025-01-01T10:00:00.000Z",
      finishedAt: "2025-01-01T10:03:00.000Z",
    });
    expect(Object.keys(merged.scripts)).toEqual(["smb-os-discovery", "nbstat"]);
    expect(a.sources).toEqual(["nmap-discovery"]); // inputs untouched
  });

  it("keeps the OS matches of the scan with the best accuracy, and never downgrades up to down", () => {
    const good = host({ ip: "10.0.0.9", os: { matches: [{ name: "Windows Server 2019", accuracy: 96 }] } });
    const vague = {
      os: { matches: [{ name: "Linux 2.6", accuracy: 85, classes: [] }], portsUsed: [] },
      status: { state: "down" },
    };
    const merged = mergeHost(good, vague);
    expect(merged.os?.matches.map((m) => m.name)).toEqual(["Windows Server 2019"]);
    expect(merged.status.state).toBe("up");
    const better = mergeHost(merged, {
      os: { matches: [{ name: "Windows Server 2022", accuracy: 98, classes: [] }], portsUsed: [] },
    });
    expect(better.os?.matches.map((m) => m.name)).toEqual(["Windows Server 2022"]);
  });
});

describe("mergeHostLists", () => {
  it("merges two recorded scans of the same host into one, richer host", () => {
    const services = parseNmapXml(fixture("loopback-sv-o.xml")).hosts;
    const connect = parseNmapXml(fixture("loopback-connect.xml")).hosts;
    const [merged, ...rest] = mergeHostLists([services, connect]);
    expect(rest).toEqual([]);
    expect(merged?.services.map((s) => s.port)).toEqual([8080, 8443, 18021, 18022, 18081, 18082]);
    expect(merged?.services.find((s) => s.port === 18021)).toMatchObject({
      name: "ftp",
      product: "vsftpd",
      version: "3.0.3",
    });
    expect(merged?.os?.matches[0]?.name).toBe("Linux 5.0 - 5.2");
    expect(merged?.tls).toHaveLength(1);
  });

  it("keys hosts by address and sorts them numerically, IPv4 before IPv6", () => {
    const list = (ips: string[]) => ips.map((ip) => host({ ip }));
    const merged = mergeHostLists([
      list(["10.0.0.10", "10.0.0.9", "fd00::1"]),
      list(["10.0.0.100", "10.0.0.9", "9.255.0.1"]),
    ]);
    expect(merged.map((h) => h.ip)).toEqual(["9.255.0.1", "10.0.0.9", "10.0.0.10", "10.0.0.100", "fd00::1"]);
  });
});

describe("mergeHost with facts from a collector", () => {
  it("fills the schema defaults of a service it is handed without them", () => {
    const existing = host({ ip: "10.0.0.7" });
    const merged = mergeHost(existing, {
      services: [{ port: 3493, protocol: "tcp", state: "open", name: "nut" } as Host["services"][number]],
      sources: ["nut"],
    });
    expect(HostSchema.parse(merged)).toEqual(merged);
    expect(merged.services[0]).toEqual({
      port: 3493,
      protocol: "tcp",
      state: "open",
      name: "nut",
      cpe: [],
      scripts: {},
    });
  });
});
