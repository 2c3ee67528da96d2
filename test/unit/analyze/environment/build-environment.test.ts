import { describe, expect, it } from "vitest";
import { classifyDevices } from "../../../../report/analyze/classify/classify-devices.js";
import { buildEnvironment } from "../../../../report/analyze/environment/build-environment.js";
import type { Answers } from "../../../../schema/answers.js";
import type { Audit } from "../../../../schema/audit.js";
import { buildAudit, fixtureAudit, host, ports } from "../classify/build-audit.js";

const AS_OF = new Date("2026-11-27T12:00:00Z");

function environmentOf(audit: Audit, answers?: Answers) {
  return buildEnvironment({ audit, devices: classifyDevices(audit), answers, asOf: AS_OF, currency: "USD" });
}

const domain = fixtureAudit("hand-made-windows-domain.audit.json");
const workgroup = fixtureAudit("hand-made-workgroup-office.audit.json");
const honeypot = fixtureAudit("hand-made-honeypot.audit.json");

describe("directory", () => {
  it("a domain seen anywhere beats workgroup names", () => {
    const { environment } = environmentOf(domain);
    expect(environment.directory).toMatchObject({
      kind: "domain",
      name: "sevenkingdoms.local",
      netbiosName: "SEVENKINGDOMS",
    });
    expect(environment.directory.controllers).toEqual([{ ip: "10.10.10.10", name: "KINGSLANDING" }]);
  });

  it("a peer-to-peer office is a workgroup; RDP's own-name 'domain' is no domain", () => {
    const { environment } = environmentOf(workgroup);
    expect(environment.directory).toMatchObject({ kind: "workgroup", name: "WORKGROUP" });
  });

  it("takes the domain controllers and level from the directory probes", () => {
    const audit = buildAudit([], {
      directory: {
        domains: [
          {
            dnsName: "contoso.local.",
            netbiosName: "CONTOSO",
            controllers: [{ ip: "10.0.0.5", hostname: "DC1" }],
            functionalLevel: "2016",
            sources: ["dns-srv"],
          },
        ],
      },
    });
    const { environment } = environmentOf(audit);
    expect(environment.directory).toMatchObject({
      kind: "domain",
      name: "contoso.local",
      netbiosName: "CONTOSO",
      functionalLevel: "2016",
    });
    expect(environment.directory.controllers).toEqual([{ ip: "10.0.0.5", name: "DC1" }]);
  });

  it("reads the domain from LDAP rootDSE naming contexts", () => {
    const audit = buildAudit([
      host("10.0.0.5", {
        services: ports({
          port: 389,
          protocol: "tcp",
          state: "open",
          name: "ldap",
          scripts: { "ldap-rootdse": { output: "\n  defaultNamingContext: DC=corp,DC=example,DC=test\n" } },
        }),
      }),
    ]);
    expect(environmentOf(audit).environment.directory).toMatchObject({ kind: "domain", name: "corp.example.test" });
  });

  it("a NetBIOS <1C> group alone makes it a domain, named by NetBIOS", () => {
    const audit = buildAudit([
      host("10.0.0.5", { netbios: { name: "DC1", names: [{ name: "CONTOSO", suffix: "1C", group: true }] } }),
    ]);
    expect(environmentOf(audit).environment.directory).toMatchObject({ kind: "domain", netbiosName: "CONTOSO" });
  });

  it("unknown when nothing tells, with a question; answers cannot invent a domain", () => {
    const { environment, questions } = environmentOf(honeypot, { employees: 20, industry: "legal" });
    expect(environment.directory.kind).toBe("unknown");
    expect(questions.map((question) => question.id)).toContain("directory");
  });
});

describe("counts and servers", () => {
  it("counts by role, proxy-ARP twins once", () => {
    const { environment } = environmentOf(domain);
    expect(environment.counts).toMatchObject({
      workstations: 3,
      servers: 3,
      printers: 1,
      networkDevices: 1,
      total: 10,
    });
  });

  it("lists each server with what it serves", () => {
    const { environment } = environmentOf(domain);
    const dc = environment.servers.find((server) => server.ip === "10.10.10.10");
    expect(dc?.serves).toEqual(
      expect.arrayContaining(["Active Directory", "DNS", "file shares", "remote desktop"]),
    );
    const veeam = environment.servers.find((server) => server.ip === "10.10.10.50");
    expect(veeam?.serves).toContain("backup");
  });
});

describe("firewall", () => {
  it("a Fortinet gateway is a business firewall", () => {
    const { environment } = environmentOf(domain);
    expect(environment.firewall).toMatchObject({
      present: true,
      grade: "business",
      vendor: "Fortinet",
      ip: "10.10.10.1",
    });
  });

  it("a TP-Link gateway is consumer grade; 'we have a firewall' is a conflict", () => {
    const { environment, conflicts } = environmentOf(workgroup, { hasFirewall: "yes" });
    expect(environment.firewall).toMatchObject({ present: true, grade: "consumer", vendor: "TP-Link" });
    expect(conflicts).toEqual([expect.objectContaining({ topic: "firewall", answersField: "hasFirewall" })]);
  });

  it("an imported scan (no agent gateway) grades the router it saw", () => {
    const audit = buildAudit(
      [
        host("192.168.1.1", {
          mac: "50:c7:bf:00:00:01",
          vendor: "Tp-link Technologies",
          services: ports({
            port: 80,
            protocol: "tcp",
            state: "open",
            name: "http",
            scripts: { "http-title": { output: "TP-LINK Archer C6" } },
          }),
        }),
      ],
      { agent: undefined },
    );
    expect(environmentOf(audit).environment.firewall).toMatchObject({ present: true, grade: "consumer", ip: "192.168.1.1" });
  });

  it("an unidentified gateway is unknown and becomes a question", () => {
    const audit = buildAudit([host("10.0.0.1", { services: ports("80") })]);
    const { environment, questions } = environmentOf(audit);
    expect(environment.firewall).toMatchObject({ present: true, grade: "unknown" });
    expect(questions.map((question) => question.id)).toContain("firewall");
  });
});

describe("backup: yes / no / unknown", () => {
  it("yes when a backup product answers", () => {
    const { environment } = environmentOf(domain);
    expect(environment.backup.onsite).toBe("yes");
    expect(environment.backup.systems).toEqual([
      { ip: "10.10.10.50", name: "veeam01.sevenkingdoms.local", product: "Veeam Backup & Replication" },
    ]);
  });

  it("no only after a complete scan of the office subnet without backup product or NAS", () => {
    expect(environmentOf(workgroup).environment.backup.onsite).toBe("no");
  });

  it("unknown when a NAS is present (it may hold backups)", () => {
    const audit = buildAudit([
      host("10.0.0.9", { mac: "00:11:32:00:00:09", vendor: "Synology Incorporated" }),
    ]);
    const { environment, questions } = environmentOf(audit);
    expect(environment.backup.onsite).toBe("unknown");
    expect(questions.map((question) => question.id)).toContain("backup-onsite");
  });

  it.each([
    ["the scan is partial", { status: "partial" as const }],
    ["the scope misses the office subnet", { scope: { targets: ["10.0.0.0/28"], autoDetected: false } }],
    ["it is an imported scan with no agent", { agent: undefined }],
  ])("unknown when %s", (_label, overrides) => {
    const audit = buildAudit([host("10.0.0.20", { services: ports("445", "3389") })], overrides);
    expect(environmentOf(audit).environment.backup.onsite).toBe("unknown");
  });

  it("offsite and the restore test come from the answers only", () => {
    const unknown = environmentOf(domain);
    expect(unknown.environment.backup.offsite).toBe("unknown");
    expect(unknown.questions.map((question) => question.id)).toEqual(
      expect.arrayContaining(["offsite-backup", "restore-test"]),
    );
    const answered = environmentOf(domain, {
      offsiteBackup: { provider: "Backblaze B2" },
      lastRestoreTest: "2026-06-01",
    });
    expect(answered.environment.backup).toMatchObject({ offsite: "yes", lastRestoreTest: "2026-06-01" });
    expect(answered.questions.map((question) => question.id)).not.toContain("offsite-backup");
    expect(environmentOf(domain, { offsiteBackup: { exists: "no" } }).environment.backup.offsite).toBe("no");
  });
});

describe("power", () => {
  it("a UPS answering SNMP is yes, with its battery state", () => {
    const { environment } = environmentOf(domain);
    expect(environment.power.ups).toBe("yes");
    expect(environment.power.devices).toEqual([
      {
        ip: "10.10.10.40",
        name: "ups-rack",
        model: "Smart-UPS 1500",
        batteryStatus: "batteryNormal",
        chargePercent: 100,
        runtimeMinutes: 42,
      },
    ]);
  });

  it("the client saying no while a UPS answered is a conflict", () => {
    const { conflicts, environment } = environmentOf(domain, { hasUps: "no" });
    expect(environment.power.ups).toBe("yes");
    expect(conflicts).toEqual([expect.objectContaining({ topic: "power", answersField: "hasUps" })]);
  });

  it("nothing seen and no answer is unknown plus a question (a USB UPS is invisible)", () => {
    const { environment, questions } = environmentOf(workgroup);
    expect(environment.power.ups).toBe("unknown");
    expect(questions.map((question) => question.id)).toContain("ups");
  });

  it("no only with a complete scan and the client saying no", () => {
    expect(environmentOf(workgroup, { hasUps: "no" }).environment.power.ups).toBe("no");
    expect(environmentOf(honeypot, { hasUps: "no" }).environment.power.ups).toBe("unknown");
  });

  it("the client saying yes fills the unknown", () => {
    expect(environmentOf(workgroup, { hasUps: "yes" }).environment.power.ups).toBe("yes");
  });

  it("a NUT server is a UPS", () => {
    const audit = buildAudit([host("10.0.0.30", { services: ports("3493") })]);
    expect(environmentOf(audit).environment.power.ups).toBe("yes");
  });
});

describe("endpoint protection", () => {
  it("a managed antivirus console on the network is yes", () => {
    const audit = buildAudit([host("10.0.0.40", { services: ports("445", "3389", "8192", "8194") })]);
    const { environment } = environmentOf(audit);
    expect(environment.endpointProtection).toMatchObject({
      status: "yes",
      products: ["Sophos Enterprise Console"],
    });
  });

  it("the consultant's own laptop's antivirus says nothing about the client", () => {
    const { environment, questions } = environmentOf(domain);
    expect(environment.endpointProtection.status).toBe("unknown");
    expect(questions.map((question) => question.id)).toContain("antivirus");
  });

  it.each([
    [{ antivirus: { product: "SentinelOne", managed: true } }, "yes"],
    [{ antivirus: { product: "none" } }, "no"],
  ])("answers %j → %s", (answers, status) => {
    expect(environmentOf(workgroup, answers).environment.endpointProtection.status).toBe(status);
  });
});

describe("OS currency, risky services, network", () => {
  it("sorts OS into end-of-life, ending soon, supported and unknown", () => {
    const { osCurrency } = environmentOf(domain).environment;
    expect(osCurrency.endOfLife.map((entry) => entry.ip)).toEqual([
      "10.10.10.20",
      "10.10.10.21",
      "10.10.10.30",
    ]);
    expect(osCurrency.endingSoon).toEqual([
      {
        ip: "10.10.10.11",
        name: "WINTERFELL",
        os: "Windows Server 2016 Standard 14393",
        endOfLife: "2027-01-12",
      },
    ]);
    expect(osCurrency.supported).toBe(2);
  });

  it("names SMBv1, anonymous FTP, telnet and UPnP on the gateway", () => {
    const services = (audit: Audit) =>
      environmentOf(audit).environment.riskyServices.map((entry) => `${entry.ip} ${entry.service}`);
    expect(services(domain)).toContain("10.10.10.11 smbv1");
    expect(services(honeypot)).toEqual(
      expect.arrayContaining(["10.20.0.5 ftp (anonymous login)", "10.20.0.5 telnet"]),
    );
    expect(services(workgroup)).toContain("192.168.0.1 upnp on gateway");
  });

  it("segments, flat network and weak Wi-Fi", () => {
    const { network } = environmentOf(domain).environment;
    expect(network.segments).toEqual(["10.10.10.0/24"]);
    expect(network.flat).toBe("yes");
    expect(network.wifi.weak).toEqual(["Guest", "Old-AP"]);
  });

  it.each([
    [
      {
        gateway: { target: "g", kind: "gateway", sent: 10, received: 10, lossPercent: 0, avgMs: 1 },
        wan: [{ target: "w", kind: "wan", sent: 10, received: 10, lossPercent: 0, avgMs: 20, jitterMs: 2 }],
      },
      "good",
    ],
    [{ wan: [{ target: "w", kind: "wan", sent: 10, received: 10, lossPercent: 0, avgMs: 90 }] }, "degraded"],
    [{ wan: [{ target: "w", kind: "wan", sent: 10, received: 5, lossPercent: 50, avgMs: 30 }] }, "poor"],
    [{}, "unknown"],
  ])("WAN %j → %s", (network, health) => {
    const audit = buildAudit([], { network });
    expect(environmentOf(audit).environment.network.wan.health).toBe(health);
  });
});

describe("downtime cost", () => {
  it("employees × hourly cost + revenue per hour, per hour and per working day", () => {
    const { environment } = environmentOf(workgroup, {
      employees: 12,
      hourlyCostPerEmployee: 50,
      revenuePerHour: 400,
    });
    expect(environment.downtime).toMatchObject({ costPerHour: 1000, costPerDay: 8000, currency: "USD" });
    expect(environment.downtime.basis).toEqual([
      "12 employees (answers.employees) × 50 USD burdened cost per hour = 600 USD per hour",
      "+ 400 USD revenue per hour (answers.revenuePerHour) = 1,000 USD per hour",
      "× 8 working hours (default) = 8,000 USD per working day",
    ]);
  });

  it("falls back to counted workstations and honours working hours", () => {
    const { environment } = environmentOf(workgroup, { hourlyCostPerEmployee: 40, workingHoursPerDay: 10 });
    expect(environment.downtime).toMatchObject({ costPerHour: 120, costPerDay: 1200 });
    expect(environment.downtime.basis[0]).toMatch(/^3 workstations counted on the network/);
  });

  it("without a cost answer stays undefined and asks", () => {
    const { environment, questions } = environmentOf(workgroup, { employees: 5 });
    expect(environment.downtime.costPerHour).toBeUndefined();
    expect(environment.downtime.costPerDay).toBeUndefined();
    expect(questions.map((question) => question.id)).toContain("downtime-cost");
  });
});

describe("business answers", () => {
  it.each([
    ["dental", true],
    ["legal", true],
    ["insurance", true],
    ["retail", false],
  ] as const)("%s → regulated %s", (industry, regulated) => {
    expect(environmentOf(workgroup, { industry }).environment.regulated).toBe(regulated);
  });

  it("employees and support come only from answers; missing ones become questions", () => {
    const asked = environmentOf(workgroup);
    expect(asked.environment.employees).toBeUndefined();
    expect(asked.questions.map((question) => question.id)).toEqual(
      expect.arrayContaining(["employees", "current-support", "industry"]),
    );
    const answered = environmentOf(workgroup, {
      employees: 9,
      currentSupport: "break-fix",
      industry: "dental",
    });
    expect(answered.environment).toMatchObject({
      employees: 9,
      support: "break-fix",
      industry: "dental",
      regulated: true,
    });
  });

  it("every question says what to ask, why, and is unique", () => {
    const { questions } = environmentOf(honeypot);
    expect(new Set(questions.map((question) => question.id)).size).toBe(questions.length);
    for (const question of questions) {
      expect(question.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(question.question.length).toBeGreaterThan(20);
      expect(question.why.length).toBeGreaterThan(20);
    }
  });
});
