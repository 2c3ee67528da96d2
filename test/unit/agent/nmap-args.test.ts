import { describe, expect, it } from "vitest";
import { discoveryArgs, TCP_PING_PORTS } from "../../../agent/nmap/discovery-args.js";
import { batchTimeoutMs } from "../../../agent/nmap/services-gatherer.js";
import {
  planServicePasses,
  servicesArgs,
  splitIntoBatches,
  tlsRetryArgs,
  udpArgs,
  unprivilegedServiceSkips,
} from "../../../agent/nmap/services-args.js";

const settings = {};
const valueAfter = (args: string[], flag: string) => args[args.indexOf(flag) + 1];

describe("discoveryArgs", () => {
  const base = { targets: ["192.168.1.0/24"], excludes: [], maxPacketsPerSecond: 300, settings };

  it("privileged: ICMP, timestamp and TCP pings (ARP is automatic on the local segment)", () => {
    const args = discoveryArgs({ ...base, privileged: true });
    expect(args.slice(0, 1)).toEqual(["-sn"]);
    expect(args).toContain("-PE");
    expect(args).toContain(`-PS${TCP_PING_PORTS.join(",")}`);
    expect(args.at(-1)).toBe("192.168.1.0/24");
  });

  it("unprivileged: TCP connect pings only, to ports Windows workstations answer on", () => {
    const args = discoveryArgs({ ...base, privileged: false });
    expect(args).not.toContain("-PE");
    expect(args).not.toContain("-PP");
    expect(args.find((a) => a.startsWith("-PS"))).toContain("445");
    expect(args.find((a) => a.startsWith("-PS"))).toContain("3389");
  });

  it("always caps the rate, writes XML to stdout and reports progress", () => {
    for (const privileged of [true, false]) {
      const args = discoveryArgs({ ...base, privileged, maxPacketsPerSecond: 120 });
      expect(valueAfter(args, "--max-rate")).toBe("120");
      expect(valueAfter(args, "-oX")).toBe("-");
      expect(args).toContain("--stats-every");
    }
  });

  it("passes exclusions only when given, and never lets nmap resolve names (-n)", () => {
    const plain = discoveryArgs({ ...base, privileged: true });
    expect(plain).not.toContain("--exclude");
    expect(plain).toContain("-n");
    const args = discoveryArgs({
      ...base,
      privileged: true,
      excludes: ["192.168.1.5/32", "192.168.1.64/26"],
      settings: { dnsServers: ["10.0.0.53"] },
    });
    expect(valueAfter(args, "--exclude")).toBe("192.168.1.5/32,192.168.1.64/26");
    // Reverse lookups are the reverse-dns gatherer's, with these servers.
    expect(args).toContain("-n");
    expect(args).not.toContain("--dns-servers");
  });
});

describe("servicesArgs", () => {
  const base = {
    hosts: ["10.0.0.2", "10.0.0.3"],
    excludes: ["10.0.0.9/32"],
    maxPacketsPerSecond: 100,
    perHostTimeoutSeconds: 240,
    settings,
  };

  it("privileged: a SYN pass with OS detection limited to promising hosts, and a separate UDP pass", () => {
    const args = servicesArgs({ ...base, privileged: true });
    expect(args).toEqual(expect.arrayContaining(["-sS", "-O", "--osscan-limit", "-sV", "-Pn"]));
    expect(valueAfter(args, "-p")).toMatch(/^T:[^U]*$/);
    const udp = udpArgs({ ...base, privileged: true });
    expect(udp).toContain("-sU");
    expect(udp).not.toContain("-sV");
    expect(valueAfter(udp, "-p")).toMatch(/^U:.*\b161\b/);
    expect(valueAfter(udp, "--script")).toBe("nbstat,snmp-sysdescr,upnp-info");
    expect(valueAfter(udp, "--max-rate")).toBe("100");
  });

  it("unprivileged: TCP connect scan, no UDP, no OS detection, and says so", () => {
    const args = servicesArgs({ ...base, privileged: false });
    expect(args).toContain("-sT");
    expect(args).not.toContain("-sS");
    expect(args).not.toContain("-sU");
    expect(args).not.toContain("-O");
    const skips = unprivilegedServiceSkips().join("\n");
    expect(skips).toMatch(/TCP connect/);
    expect(skips).toMatch(/UDP ports not scanned \(.*161/);
    expect(skips).toMatch(/OS detection/);
  });

  it("retries missing certificates with ssl-cert alone on just those ports", () => {
    const args = tlsRetryArgs({ ...base, hosts: ["10.0.0.2"], privileged: true, ports: [8443, 443, 443] });
    expect(valueAfter(args, "-p")).toBe("443,8443");
    expect(valueAfter(args, "--script")).toBe("ssl-cert");
    expect(args).not.toContain("-sV");
    expect(args.at(-1)).toBe("10.0.0.2");
  });

  it("bounds every host and script, caps the rate and scans the batch as one group", () => {
    const args = servicesArgs({ ...base, privileged: true });
    expect(valueAfter(args, "--host-timeout")).toBe("240s");
    expect(valueAfter(args, "--script-timeout")).toMatch(/^\d+s$/);
    expect(valueAfter(args, "--max-rate")).toBe("100");
    expect(valueAfter(args, "--min-hostgroup")).toBe("2");
    expect(valueAfter(args, "--exclude")).toBe("10.0.0.9/32");
    for (const pass of [args, udpArgs({ ...base, privileged: true })]) expect(pass).toContain("-n");
    expect(valueAfter(args, "--script")).toContain("smb-protocols");
    expect(valueAfter(args, "--script")).toContain("ssl-cert");
    expect(valueAfter(args, "--script")).not.toMatch(/brute|vuln|exploit/);
    expect(args.slice(-2)).toEqual(["10.0.0.2", "10.0.0.3"]);
  });

  it("gives a batch a hard limit above the per-host timeout", () => {
    expect(batchTimeoutMs(240)).toBeGreaterThan(240_000);
  });
});

describe("splitIntoBatches", () => {
  it.each([
    [[], 8, []],
    [[1, 2, 3], 8, [[1, 2, 3]]],
    [[1, 2, 3, 4, 5], 2, [[1, 2], [3, 4], [5]]],
    [[1, 2], 0, [[1], [2]]],
  ])("%j by %d → %j", (items, size, expected) => {
    expect(splitIntoBatches(items, size)).toEqual(expected);
  });
});

describe("planServicePasses", () => {
  const ips = Array.from({ length: 20 }, (_, i) => `10.0.0.${i + 1}`);

  it("gives the first --parallel hosts half-size TCP batches, started first, and the UDP pass its own batches", () => {
    const plan = planServicePasses(ips, 8, true);
    expect(plan.tcp.map((b) => b.length)).toEqual([4, 4, 8, 4]);
    expect(plan.tcp[0]).toEqual(["10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4"]);
    expect(plan.tcp.flat()).toEqual(ips);
    expect(plan.udp).toEqual([ips]);
  });

  it("has no UDP pass unprivileged, and copes with tiny scans and batch sizes", () => {
    expect(planServicePasses(ips.slice(0, 3), 8, false)).toEqual({
      tcp: [["10.0.0.1", "10.0.0.2", "10.0.0.3"]],
      udp: [],
    });
    expect(planServicePasses([], 8, true)).toEqual({ tcp: [], udp: [] });
    expect(planServicePasses(ips.slice(0, 3), 1, true).tcp).toEqual([
      ["10.0.0.1"],
      ["10.0.0.2"],
      ["10.0.0.3"],
    ]);
  });
});
