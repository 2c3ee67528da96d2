import { describe, expect, it } from "vitest";
import type { RuleContext } from "../../../../report/analyze/rules/define-rule.js";
import { RULES } from "../../../../report/analyze/rules/index.js";
import { OBSERVED_MAX } from "../../../../report/analyze/rules/rule-helpers.js";
import { device, healthyEnvironment, host, makeContext, tcp, udp } from "../support/rule-context.js";

/**
 * One case per rule: a small hand-made office where the rule fails (and which hosts it names)
 * and one where it passes. The META test checks that every rule id appears here.
 */
interface RuleCase {
  id: string;
  fail: () => RuleContext;
  failHosts?: string[];
  failSeverity?: string;
  pass: () => RuleContext;
}

const env = healthyEnvironment;
const smbProtocols = (output: string) => ({ "smb-protocols": { output } });

const CASES: RuleCase[] = [
  {
    id: "smb1-enabled",
    fail: () =>
      makeContext({
        hosts: [
          host("10.0.0.20", [tcp(445, "microsoft-ds")], {
            scripts: smbProtocols("dialects: \n NT LM 0.12 (SMBv1) [dangerous, but default]\n 2:0:2\n 2:1:0"),
          }),
        ],
      }),
    failHosts: ["10.0.0.20"],
    pass: () =>
      makeContext({
        hosts: [
          host("10.0.0.20", [tcp(445, "microsoft-ds")], {
            scripts: smbProtocols("dialects: \n 2:0:2\n 3:1:1"),
          }),
        ],
      }),
  },
  {
    id: "smb-signing-not-required",
    fail: () =>
      makeContext({
        hosts: [
          host("10.0.0.12", [tcp(445)], {
            scripts: {
              "smb2-security-mode": { output: "3:1:1: \n  Message signing enabled but not required" },
            },
          }),
        ],
        devices: [device("10.0.0.12", "file-server")],
      }),
    failHosts: ["10.0.0.12"],
    failSeverity: "medium",
    pass: () =>
      makeContext({
        hosts: [
          host("10.0.0.10", [tcp(445)], {
            scripts: { "smb2-security-mode": { output: "3:1:1: \n  Message signing enabled and required" } },
          }),
        ],
      }),
  },
  {
    id: "telnet-open",
    fail: () => makeContext({ hosts: [host("10.0.0.40", [tcp(23, "telnet")])] }),
    failHosts: ["10.0.0.40"],
    pass: () => makeContext({ hosts: [host("10.0.0.40", [tcp(22, "ssh")])] }),
  },
  {
    id: "ftp-open",
    fail: () => makeContext({ hosts: [host("10.0.0.41", [tcp(21, "ftp", { product: "vsftpd" })])] }),
    failHosts: ["10.0.0.41"],
    pass: () => makeContext({ hosts: [host("10.0.0.41", [tcp(990, "ftps", { tunnel: "ssl" })])] }),
  },
  {
    id: "ftp-anonymous",
    fail: () =>
      makeContext({
        hosts: [
          host("10.0.0.41", [
            tcp(21, "ftp", {
              scripts: { "ftp-anon": { output: "Anonymous FTP login allowed (FTP code 230)" } },
            }),
          ]),
        ],
      }),
    failHosts: ["10.0.0.41"],
    pass: () => makeContext({ hosts: [host("10.0.0.41", [tcp(21, "ftp")])] }),
  },
  {
    id: "tftp-open",
    fail: () => makeContext({ hosts: [host("10.0.0.42", [udp(69, "tftp")])] }),
    failHosts: ["10.0.0.42"],
    pass: () => makeContext({ hosts: [host("10.0.0.42", [{ ...udp(69, "tftp"), state: "open|filtered" }])] }),
  },
  {
    id: "rsh-rlogin-open",
    fail: () => makeContext({ hosts: [host("10.0.0.43", [tcp(513, "login")])] }),
    failHosts: ["10.0.0.43"],
    pass: () => makeContext({ hosts: [host("10.0.0.43", [tcp(22, "ssh")])] }),
  },
  {
    id: "pptp-vpn",
    fail: () => makeContext({ hosts: [host("10.0.0.1", [tcp(1723, "pptp")])] }),
    failHosts: ["10.0.0.1"],
    pass: () => makeContext({ hosts: [host("10.0.0.1", [tcp(443, "https")])] }),
  },
  {
    id: "rdp-exposed",
    fail: () => makeContext({ hosts: [host("10.0.0.1", [tcp(3389, "ms-wbt-server")])] }),
    failHosts: ["10.0.0.1"],
    failSeverity: "high",
    pass: () =>
      makeContext({
        hosts: [host("10.0.0.10", [tcp(3389, "ms-wbt-server")])],
        devices: [device("10.0.0.10", "server")],
      }),
  },
  {
    id: "vnc-open",
    fail: () =>
      makeContext({
        hosts: [
          host("10.0.0.60", [
            tcp(5900, "vnc", {
              scripts: { "vnc-info": { output: "Protocol version: 3.8\nSecurity types:\n  None (1)" } },
            }),
          ]),
        ],
      }),
    failHosts: ["10.0.0.60"],
    failSeverity: "critical",
    pass: () => makeContext({ hosts: [host("10.0.0.60", [tcp(443, "https")])] }),
  },
  {
    id: "snmp-default-community",
    fail: () =>
      makeContext({
        hosts: [
          host("10.0.0.2", [udp(161, "snmp")], { snmp: { communityIndex: 0, sysDescr: "HP ProCurve" } }),
        ],
      }),
    failHosts: ["10.0.0.2"],
    pass: () =>
      makeContext({ hosts: [host("10.0.0.2", [udp(161, "snmp")], { snmp: { sysDescr: "HP ProCurve" } })] }),
  },
  {
    id: "expired-certificate",
    fail: () =>
      makeContext({
        hosts: [
          host("10.0.0.1", [tcp(443, "https")], {
            tls: [{ port: 443, notAfter: "2025-01-01T00:00:00Z", subject: "CN=fw" }],
          }),
        ],
      }),
    failHosts: ["10.0.0.1"],
    pass: () =>
      makeContext({
        hosts: [
          host("10.0.0.1", [tcp(443, "https")], { tls: [{ port: 443, notAfter: "2027-06-01T00:00:00Z" }] }),
        ],
      }),
  },
  {
    id: "self-signed-admin-certificate",
    fail: () =>
      makeContext({
        hosts: [
          host("10.0.0.20", [tcp(5001, "https")], {
            tls: [{ port: 5001, selfSigned: true, subject: "CN=synology" }],
          }),
        ],
        devices: [device("10.0.0.20", "nas")],
      }),
    failHosts: ["10.0.0.20"],
    pass: () =>
      makeContext({
        hosts: [host("10.0.0.20", [tcp(5001, "https")], { tls: [{ port: 5001, selfSigned: false }] })],
        devices: [device("10.0.0.20", "nas")],
      }),
  },
  {
    id: "http-admin-unencrypted",
    fail: () =>
      makeContext({ hosts: [host("10.0.0.3", [tcp(80, "http")])], devices: [device("10.0.0.3", "switch")] }),
    failHosts: ["10.0.0.3"],
    pass: () =>
      makeContext({
        hosts: [
          host("10.0.0.3", [
            tcp(80, "http", {
              scripts: { "http-title": { output: "Did not follow redirect to https://10.0.0.3/" } },
            }),
            tcp(443, "https", { tunnel: "ssl" }),
          ]),
        ],
        devices: [device("10.0.0.3", "switch")],
      }),
  },
  {
    id: "upnp-on-gateway",
    fail: () => makeContext({ hosts: [host("10.0.0.1", [udp(1900, "upnp")])] }),
    failHosts: ["10.0.0.1"],
    pass: () =>
      makeContext({ hosts: [host("10.0.0.1", [tcp(443, "https")]), host("10.0.0.70", [udp(1900, "upnp")])] }),
  },
  {
    id: "database-exposed",
    fail: () => makeContext({ hosts: [host("10.0.0.15", [tcp(1433, "ms-sql-s")])] }),
    failHosts: ["10.0.0.15"],
    pass: () => makeContext({ hosts: [host("10.0.0.15", [tcp(445, "microsoft-ds")])] }),
  },
  {
    id: "printer-admin-open",
    fail: () =>
      makeContext({
        hosts: [host("10.0.0.50", [tcp(80, "http"), tcp(9100, "jetdirect")])],
        devices: [device("10.0.0.50", "printer")],
      }),
    failHosts: ["10.0.0.50"],
    pass: () =>
      makeContext({
        hosts: [host("10.0.0.50", [tcp(443, "https", { tunnel: "ssl" }), tcp(9100, "jetdirect")])],
        devices: [device("10.0.0.50", "printer")],
      }),
  },
  {
    id: "ups-on-battery-or-low",
    fail: () =>
      makeContext({
        hosts: [
          host("10.0.0.30", [], {
            snmp: {
              ups: { source: "snmp-ups-mib", batteryStatus: "batteryLow", chargePercent: 20, raw: {} },
            },
          }),
        ],
      }),
    failHosts: ["10.0.0.30"],
    pass: () =>
      makeContext({
        hosts: [
          host("10.0.0.30", [], {
            snmp: {
              ups: { source: "snmp-ups-mib", batteryStatus: "batteryNormal", chargePercent: 100, raw: {} },
            },
          }),
        ],
      }),
  },
  {
    id: "consumer-firewall",
    fail: () =>
      makeContext({
        environment: {
          firewall: { present: true, grade: "consumer", vendor: "Netgear", ip: "10.0.0.1", evidence: [] },
        },
      }),
    failHosts: ["10.0.0.1"],
    pass: () => makeContext(),
  },
  {
    id: "no-firewall-detected",
    fail: () =>
      makeContext({ environment: { firewall: { present: false, grade: "unknown", evidence: [] } } }),
    failHosts: ["10.0.0.1"],
    pass: () =>
      makeContext({
        environment: { firewall: { present: false, grade: "unknown", evidence: [] } },
        answers: { hasFirewall: "yes" },
      }),
  },
  {
    id: "no-backup-detected",
    fail: () =>
      makeContext({
        environment: { backup: { onsite: "unknown", offsite: "unknown", systems: [], evidence: [] } },
      }),
    pass: () => makeContext(),
  },
  {
    id: "no-offsite-backup",
    fail: () => makeContext({ environment: { backup: { ...env().backup, offsite: "no" } } }),
    pass: () => makeContext(),
  },
  {
    id: "restore-never-tested",
    fail: () => makeContext({ answers: { lastRestoreTest: "never" } }),
    pass: () => makeContext({ answers: { lastRestoreTest: "2026-06-30" } }),
  },
  {
    id: "no-ups-detected",
    fail: () => makeContext({ environment: { power: { ups: "unknown", devices: [], evidence: [] } } }),
    pass: () => makeContext(),
  },
  {
    id: "eol-os",
    fail: () =>
      makeContext({
        environment: {
          osCurrency: {
            endOfLife: [{ ip: "10.0.0.10", os: "Windows Server 2012 R2", endOfLife: "2023-10-10" }],
            endingSoon: [],
            supported: 10,
            unknown: 0,
          },
        },
        devices: [device("10.0.0.10", "server")],
      }),
    failHosts: ["10.0.0.10"],
    failSeverity: "critical",
    pass: () => makeContext(),
  },
  {
    id: "eol-os-ending-soon",
    fail: () =>
      makeContext({
        environment: {
          osCurrency: {
            endOfLife: [],
            endingSoon: [{ ip: "10.0.0.11", os: "Windows Server 2016", endOfLife: "2027-01-12" }],
            supported: 10,
            unknown: 0,
          },
        },
      }),
    failHosts: ["10.0.0.11"],
    pass: () => makeContext(),
  },
  {
    id: "peer-to-peer",
    fail: () =>
      makeContext({
        environment: { directory: { kind: "workgroup", name: "WORKGROUP", controllers: [], evidence: [] } },
        devices: [device("10.0.0.101", "workstation"), device("10.0.0.102", "workstation")],
      }),
    failHosts: ["10.0.0.101", "10.0.0.102"],
    pass: () => makeContext(),
  },
  {
    id: "workstations-without-domain",
    fail: () =>
      makeContext({
        audit: {
          directory: { domains: [], workgroups: [{ name: "WORKGROUP", hosts: ["10.0.0.105"], sources: [] }] },
        },
        devices: [device("10.0.0.105", "workstation")],
      }),
    failHosts: ["10.0.0.105"],
    pass: () => makeContext(),
  },
  {
    id: "single-domain-controller",
    fail: () =>
      makeContext({
        environment: { directory: { ...env().directory, controllers: [{ ip: "10.0.0.10", name: "dc1" }] } },
      }),
    failHosts: ["10.0.0.10"],
    pass: () => makeContext(),
  },
  {
    id: "old-domain-functional-level",
    fail: () =>
      makeContext({
        audit: {
          directory: {
            domains: [{ dnsName: "corp.example", functionalLevel: "4", controllers: [{ ip: "10.0.0.10" }] }],
          },
        },
      }),
    failHosts: ["10.0.0.10"],
    pass: () =>
      makeContext({ audit: { directory: { domains: [{ dnsName: "corp.example", functionalLevel: "7" }] } } }),
  },
  {
    id: "no-endpoint-protection",
    fail: () =>
      makeContext({ environment: { endpointProtection: { status: "no", products: [], evidence: [] } } }),
    pass: () => makeContext(),
  },
  {
    id: "antivirus-unmanaged",
    fail: () => makeContext({ answers: { antivirus: { product: "Microsoft Defender", managed: false } } }),
    pass: () => makeContext({ answers: { antivirus: { product: "SentinelOne", managed: true } } }),
  },
  {
    id: "flat-network",
    fail: () =>
      makeContext({ environment: { network: { ...env().network, segments: ["10.0.0.0/24"], flat: "yes" } } }),
    pass: () => makeContext(),
  },
  {
    id: "wifi-open-or-wep",
    fail: () =>
      makeContext({
        environment: {
          network: {
            ...env().network,
            wifi: { networks: [{ ssid: "Guest", security: "WEP" }], weak: ["Guest"] },
          },
        },
      }),
    pass: () => makeContext(),
  },
  {
    id: "wan-latency-high",
    fail: () =>
      makeContext({
        audit: {
          network: {
            wan: [{ target: "1.1.1.1", kind: "wan", sent: 10, received: 10, lossPercent: 0, avgMs: 240 }],
          },
        },
      }),
    pass: () =>
      makeContext({
        audit: {
          network: {
            wan: [{ target: "1.1.1.1", kind: "wan", sent: 10, received: 10, lossPercent: 0, avgMs: 18 }],
          },
        },
      }),
  },
  {
    id: "wan-packet-loss",
    fail: () =>
      makeContext({
        audit: {
          network: {
            gateway: {
              target: "10.0.0.1",
              kind: "gateway",
              sent: 20,
              received: 17,
              lossPercent: 15,
              avgMs: 1,
            },
          },
        },
      }),
    failHosts: ["10.0.0.1"],
    pass: () =>
      makeContext({
        audit: {
          network: {
            gateway: {
              target: "10.0.0.1",
              kind: "gateway",
              sent: 20,
              received: 20,
              lossPercent: 0,
              avgMs: 1,
            },
          },
        },
      }),
  },
  {
    id: "no-server",
    fail: () =>
      makeContext({
        environment: {
          counts: { workstations: 4, servers: 0, printers: 1, networkDevices: 1, total: 6, byRole: {} },
        },
      }),
    pass: () => makeContext(),
  },
];

const ruleById = new Map(RULES.map((rule) => [rule.meta.id, rule]));

describe("every rule: a failing and a passing office", () => {
  it.each(CASES)("$id fails with evidence naming the host and the fact", (c) => {
    const rule = ruleById.get(c.id);
    expect(rule, `no rule ${c.id}`).toBeDefined();
    const outcome = rule!.evaluate(c.fail());
    expect(outcome.status).toBe("fail");
    if (outcome.status !== "fail") return;
    expect(outcome.evidence.length).toBeGreaterThan(0);
    for (const item of outcome.evidence) {
      expect(item.fact).not.toBe("");
      expect(item.observed.length).toBeLessThanOrEqual(OBSERVED_MAX);
      if (item.source === "scan" && item.host && item.fact.startsWith("hosts[")) {
        expect(item.fact).toContain(`hosts[ip=${item.host}]`);
      }
    }
    if (c.failHosts) expect(outcome.hosts).toEqual(c.failHosts);
    if (c.failSeverity) expect(outcome.severity).toBe(c.failSeverity);
  });

  it.each(CASES)("$id passes on a healthy office", (c) => {
    const outcome = ruleById.get(c.id)!.evaluate(c.pass());
    expect(["pass", "not-applicable"]).toContain(outcome.status);
  });
});

describe("honest unknowns", () => {
  it("an unknown offsite backup is a question, not a finding", () => {
    const outcome = ruleById
      .get("no-offsite-backup")!
      .evaluate(makeContext({ environment: { backup: { ...env().backup, offsite: "unknown" } } }));
    expect(outcome).toMatchObject({ status: "unknown", question: { answersField: "offsiteBackup" } });
  });

  it("unknown endpoint protection is a question", () => {
    const outcome = ruleById.get("no-endpoint-protection")!.evaluate(
      makeContext({
        environment: { endpointProtection: { status: "unknown", products: [], evidence: [] } },
      }),
    );
    expect(outcome).toMatchObject({ status: "unknown", question: { answersField: "antivirus" } });
  });

  it("an unanswered restore test is a question", () => {
    const outcome = ruleById.get("restore-never-tested")!.evaluate(makeContext());
    expect(outcome).toMatchObject({ status: "unknown", question: { answersField: "lastRestoreTest" } });
  });

  it("a restore test older than a year fails", () => {
    const outcome = ruleById
      .get("restore-never-tested")!
      .evaluate(makeContext({ answers: { lastRestoreTest: "2024-01-15" } }));
    expect(outcome.status).toBe("fail");
  });

  it("RDP on a handful of servers is normal; on many workstations it fails", () => {
    const ips = ["10.0.0.101", "10.0.0.102", "10.0.0.103"];
    const outcome = ruleById.get("rdp-exposed")!.evaluate(
      makeContext({
        hosts: ips.map((ip) => host(ip, [tcp(3389, "ms-wbt-server")])),
        devices: ips.map((ip) => device(ip, "workstation")),
      }),
    );
    expect(outcome).toMatchObject({ status: "fail", hosts: ips });
  });
});
