import { beforeAll, describe, expect, inject, it } from "vitest";
import { type AttachedLab, attachLab } from "../lab/attach.js";
import type { GroundTruthHost, ScenarioName } from "../lab/lab-types.js";
import { type LabScanHost, openPorts, parseLabScan } from "../lab/nmap-xml.js";

/** A plain nmap scan from the agent namespace sees what the ground truth says. */

async function nmapXml(lab: AttachedLab, args: string[]): Promise<LabScanHost[]> {
  const r = await lab.execInAgent(["nmap", "-n", "-oX", "-", ...args], { timeoutMs: 240_000 });
  expect(r.code, r.stderr).toBe(0);
  return parseLabScan(r.stdout);
}

function byName(lab: AttachedLab, name: string): GroundTruthHost {
  const h = lab.truth.hosts.find((x) => x.name === name);
  if (!h) throw new Error(`ground truth of ${lab.truth.scenario} has no host ${name}`);
  return h;
}

const provided = Object.keys(inject("labs")) as ScenarioName[];

describe.each(provided)("lab %s: discovery from the agent namespace", (scenario) => {
  let lab: AttachedLab;
  let found: LabScanHost[];
  beforeAll(async () => {
    lab = await attachLab(inject("labs")[scenario]);
    found = await nmapXml(lab, ["-sn", lab.truth.cidr]);
  });

  it("finds every host of the ground truth with its MAC address and nmap's vendor for it", () => {
    for (const h of lab.truth.hosts) {
      const seen = found.find((f) => f.ip === h.ip);
      expect(seen, `${h.name} (${h.ip}) not found`).toBeDefined();
      expect(seen?.mac).toBe(h.mac);
      expect(seen?.vendor).toBe(h.vendor);
    }
  });

  it("finds nothing the ground truth does not list (besides the agent itself)", () => {
    const known = new Set([...lab.truth.hosts.map((h) => h.ip), lab.truth.agent.ip]);
    expect(found.map((f) => f.ip).filter((ip) => !known.has(ip))).toEqual([]);
  });

  it("answers on every service port the ground truth lists for the hosts", async () => {
    const tcp = new Set<number>();
    for (const h of lab.truth.hosts)
      for (const s of h.services) if (s.endsWith("/tcp")) tcp.add(Number.parseInt(s, 10));
    const scanned = await nmapXml(lab, [
      "-Pn",
      "-sS",
      "-p",
      [...tcp].join(","),
      ...lab.truth.hosts.map((h) => h.ip),
    ]);
    for (const h of lab.truth.hosts) {
      const open = openPorts(scanned.find((s) => s.ip === h.ip));
      expect(open.sort(), h.name).toEqual(h.services.filter((s) => s.endsWith("/tcp")).sort());
    }
  });

  it("resolves names through the lab DNS server given in resolv.conf", async () => {
    const r = await lab.execInAgent(["cat", "/etc/resolv.conf"]);
    expect(r.stdout).toContain(`nameserver ${lab.truth.dnsServer}`);
    if (lab.truth.searchDomain) expect(r.stdout).toContain(`search ${lab.truth.searchDomain}`);
  });
});

describe("lab office: what an audit must find", () => {
  let lab: AttachedLab;
  let scan: LabScanHost[];
  const hostScan = (name: string) => scan.find((s) => s.ip === byName(lab, name).ip);

  beforeAll(async () => {
    lab = await attachLab(inject("labs").office);
    const targets = ["dc01", "fs01", "FGT60F-CORP", "ups01", "sw01"].map((n) => byName(lab, n).ip);
    scan = await nmapXml(lab, [
      "-Pn",
      "-sS",
      "-sU",
      "-p",
      "T:23,139,389,443,445,3493,U:137,161",
      "--script",
      "smb-os-discovery,smb-protocols,nbstat,ldap-rootdse,snmp-sysdescr,ssl-cert",
      ...targets,
    ]);
  });

  it("the domain controller names its AD domain in ldap-rootdse and nbstat", () => {
    const dc = hostScan("dc01");
    expect(dc?.scripts["ldap-rootdse"]).toMatch(/DC=corp,DC=example,DC=com/);
    expect(dc?.scripts.nbstat).toMatch(/CORP<1c>/i);
    expect(lab.truth.directory).toMatchObject({
      kind: "domain",
      name: "corp.example.com",
      controllers: [byName(lab, "dc01").ip],
    });
  });

  it("the DC's DNS answers the AD SRV record for the agent's resolver", async () => {
    const r = await lab.execInAgent(["dig", "+short", "-t", "SRV", "_ldap._tcp.dc._msdcs.corp.example.com"]);
    expect(r.stdout).toMatch(/389 dc01\.corp\.example\.com\./);
  });

  it("the file server offers SMB1 and reports the domain in smb-os-discovery", () => {
    const fs = hostScan("fs01");
    expect(fs?.scripts["smb-protocols"]).toContain("NT LM 0.12");
    expect(fs?.scripts["smb-os-discovery"]).toMatch(/corp\.example\.com/);
  });

  it("the firewall at the gateway address reports a FortiGate sysDescr over SNMP", () => {
    const fw = hostScan("FGT60F-CORP");
    expect(fw?.ip).toBe(lab.truth.gateway);
    expect(fw?.scripts["snmp-sysdescr"]).toMatch(/FortiGate/);
    expect(lab.truth.firewall).toMatchObject({
      grade: "business",
      vendor: "Fortinet",
      ip: lab.truth.gateway,
    });
  });

  it("the UPS answers NUT on 3493 and UPS-MIB over SNMP", async () => {
    const ups = hostScan("ups01");
    expect(openPorts(ups)).toContain("3493/tcp");
    expect(ups?.scripts["snmp-sysdescr"]).toMatch(/APC/);
    const r = await lab.execInAgent(
      [
        "snmpget",
        "-v2c",
        "-c",
        "public",
        "-Oqv",
        byName(lab, "ups01").ip,
        ".1.3.6.1.2.1.33.1.1.2.0",
        ".1.3.6.1.2.1.33.1.2.4.0",
      ],
      { timeoutMs: 10_000 },
    );
    expect(r.stdout).toMatch(/Smart-UPS 1500[\s\S]*100/);
    const nut = await lab.execInAgent(["upsc", `smartups@${byName(lab, "ups01").ip}`, "ups.status"], {
      timeoutMs: 10_000,
    });
    expect(nut.stdout.trim()).toBe("OL");
  });

  it("the switch runs telnet and an admin page whose certificate has expired", () => {
    const sw = hostScan("sw01");
    expect(openPorts(sw)).toContain("23/tcp");
    const notAfter = /Not valid after:\s+(\S+)/.exec(sw?.scripts["ssl-cert"] ?? "")?.[1];
    expect(notAfter).toBeDefined();
    expect(new Date(notAfter!).getTime()).toBeLessThan(Date.now());
  });

  it("Windows look-alikes answer with TTL 128, and some ignore ping yet are found by ARP", async () => {
    const ws01 = byName(lab, "ws01");
    const ping = await lab.execInAgent(["ping", "-c", "1", "-W", "2", ws01.ip], { timeoutMs: 10_000 });
    expect(ping.stdout).toMatch(/ttl=128/);
    const ws03 = byName(lab, "ws03");
    const silent = await lab.execInAgent(["ping", "-c", "1", "-W", "1", ws03.ip], { timeoutMs: 10_000 });
    expect(silent.code).not.toBe(0);
  });

  it("the ground truth lists the sweet-spot facts", () => {
    expect(lab.truth).toMatchObject({ expectedVerdict: "sweet-spot", ups: "yes", backup: { onsite: "yes" } });
    expect(lab.truth.hosts.filter((h) => h.role === "workstation").length).toBeGreaterThanOrEqual(10);
  });
});

describe("lab shop: a peer-to-peer workgroup behind a consumer router", () => {
  it("shows WORKGROUP in nbstat and the router's admin page title", async () => {
    const lab = await attachLab(inject("labs").shop);
    const pc = lab.truth.hosts.find((h) => h.role === "workstation")!;
    const scan = await nmapXml(lab, [
      "-Pn",
      "-sS",
      "-sU",
      "-p",
      "T:80,U:137",
      "--script",
      "nbstat,http-title",
      pc.ip,
      lab.truth.gateway,
    ]);
    expect(scan.find((s) => s.ip === pc.ip)?.scripts.nbstat).toMatch(/WORKGROUP<00>/);
    expect(scan.find((s) => s.ip === lab.truth.gateway)?.scripts["http-title"]).toMatch(/TP-Link/);
    expect(lab.truth).toMatchObject({
      expectedVerdict: "too-small",
      ups: "no",
      directory: { kind: "workgroup", name: "WORKGROUP" },
    });
  });
});
