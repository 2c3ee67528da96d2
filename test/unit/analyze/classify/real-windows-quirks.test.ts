import { describe, expect, it } from "vitest";
import { classifyDevices } from "../../../../report/analyze/classify/classify-devices.js";
import { buildEnvironment } from "../../../../report/analyze/environment/build-environment.js";
import { fixtureAudit } from "./build-audit.js";

// Hand-made fixtures reproducing quirks seen on real Windows networks (test/fixtures/README.md).
const audit = fixtureAudit("hand-made-windows-domain.audit.json");
const devices = classifyDevices(audit);
const byIp = (ip: string) => {
  const device = devices.find((candidate) => candidate.ip === ip);
  if (!device) throw new Error(`no device ${ip}`);
  return device;
};

describe("real Windows network quirks (hand-made-windows-domain)", () => {
  it("a DC whose OS guesses say IBM z/OS (88 %) is still a domain controller", () => {
    const dc = byIp("10.10.10.10");
    expect(dc.role).toBe("domain-controller");
    expect(dc.confidence).toBeGreaterThan(0.9);
    expect(dc.roles).not.toContain("unknown");
    const zos = dc.evidence.find((item) => item.observed.includes("z/OS"));
    expect(zos?.note).toMatch(/below 90%/);
    expect(dc.os).toBe("Windows Server 2019 (build 17763)");
  });

  it("strips the stray 0. from the LDAP banner's domain", () => {
    const { environment } = buildEnvironment({ audit, devices, asOf: new Date("2026-11-27") });
    expect(environment.directory.kind).toBe("domain");
    expect(environment.directory.name).toBe("sevenkingdoms.local");
    expect(JSON.stringify(environment.directory)).not.toContain("local0");
  });

  it("reads 'workgroup: NORTH' in SMB extrainfo as the NetBIOS domain, not a workgroup", () => {
    const { environment } = buildEnvironment({ audit, devices, asOf: new Date("2026-11-27") });
    expect(environment.directory.kind).toBe("domain");
    const note = environment.directory.evidence.find((item) => item.observed === "workgroup: NORTH");
    expect(note?.note).toMatch(/NetBIOS domain name/);
  });

  it("drops NUL bytes from names (HTB\\x00, WINTERFELL\\x00)", () => {
    expect(byIp("10.10.10.21").name).toBe("LAPTOP-HTB");
    expect(byIp("10.10.10.11").name).toBe("WINTERFELL");
    const { environment } = buildEnvironment({ audit, devices, asOf: new Date("2026-11-27") });
    const text = JSON.stringify({ devices, environment });
    expect(text).not.toContain("\\u0000");
    expect(text).not.toContain("\\\\x00");
  });

  it("classifies the DC although its LDAPS ports are tcpwrapped", () => {
    const dc = byIp("10.10.10.10");
    expect(dc.services).toContain("636/tcp tcpwrapped");
    expect(dc.services).toContain("3269/tcp tcpwrapped");
    expect(dc.role).toBe("domain-controller");
  });

  it("ignores the vendor of an all-zero MAC (looked up as Xerox)", () => {
    const reception = byIp("10.10.10.30");
    expect(reception.vendor).toBeUndefined();
    expect(reception.role).toBe("workstation");
    expect(reception.roles).not.toContain("printer");
    expect(reception.evidence.some((item) => item.note?.includes("vendor ignored"))).toBe(true);
  });

  it("flags proxy-ARP twins and counts them once", () => {
    expect(byIp("10.10.10.2").sharedMac).toBe(true);
    const { environment } = buildEnvironment({ audit, devices, asOf: new Date("2026-11-27") });
    expect(environment.counts.byRole.firewall).toBe(1);
    expect(environment.counts.total).toBe(devices.length - 1);
  });

  it.each([
    ["10.10.10.1", "firewall"],
    ["10.10.10.11", "server"],
    ["10.10.10.20", "workstation"],
    ["10.10.10.21", "laptop"],
    ["10.10.10.40", "ups"],
    ["10.10.10.50", "backup-server"],
    ["10.10.10.60", "nas"],
    ["10.10.10.70", "printer"],
  ])("%s is a %s", (ip, role) => {
    expect(byIp(ip).role).toBe(role);
  });

  it("every device's evidence names its host and a fact path", () => {
    for (const device of devices) {
      expect(device.evidence.length).toBeGreaterThan(0);
      for (const item of device.evidence) {
        expect(item.fact).not.toBe("");
        if (item.fact.startsWith("hosts[")) expect(item.fact.startsWith(`hosts[ip=${device.ip}]`)).toBe(true);
      }
    }
  });
});

describe("a honeypot claiming three operating systems (hand-made-honeypot)", () => {
  const honeypotAudit = fixtureAudit("hand-made-honeypot.audit.json");
  const honeypot = classifyDevices(honeypotAudit).find((device) => device.ip === "10.20.0.5")!;

  it("gets low confidence and a note naming the claims", () => {
    expect(honeypot.confidence).toBeLessThanOrEqual(0.3);
    const note = honeypot.evidence.find((item) => item.observed.startsWith("claims "));
    expect(note?.observed).toMatch(/Windows/);
    expect(note?.observed).toMatch(/Linux/);
    expect(note?.observed).toMatch(/Cisco IOS/);
    expect(note?.note).toMatch(/honeypot/);
  });

  it("ignores the vendor of a locally administered MAC", () => {
    expect(honeypot.mac).toBe("02:42:ac:11:00:05");
    expect(honeypot.vendor).not.toBe("Unknown");
  });
});
