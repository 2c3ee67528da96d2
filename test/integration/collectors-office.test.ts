import { type ChildProcess, spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type AttachedLab, attachLab } from "../lab/attach.js";
import type { Audit, Host } from "../../schema/audit.js";
import { parseAudit } from "../../schema/parse-audit.js";

/**
 * The collectors of agent/gatherers (local host, directory, SNMP, NUT, announcements, WAN health)
 * run inside the office lab's agent namespace (test/integration/helpers/run-gatherers.ts) and are
 * checked against the lab's ground truth.
 */
const SECRET_COMMUNITY = "lab-not-this-one-7f3a";

/** An mDNS + SSDP announcer (with its UPnP description) run in the printer's namespace. */
const ANNOUNCER = `
import makeMdns from "multicast-dns";
import dgram from "node:dgram";
import http from "node:http";
const ip = process.argv[1];
const mdns = makeMdns({ interface: ip, bind: "0.0.0.0", loopback: false });
mdns.on("query", (q) => {
  if (!q.questions.some((x) => x.name === "_ipp._tcp.local" || x.name === "_services._dns-sd._udp.local")) return;
  mdns.respond({
    answers: [
      { name: "_services._dns-sd._udp.local", type: "PTR", data: "_ipp._tcp.local" },
      { name: "_ipp._tcp.local", type: "PTR", data: "HP LaserJet Pro M404dn._ipp._tcp.local" },
    ],
    additionals: [
      { name: "HP LaserJet Pro M404dn._ipp._tcp.local", type: "SRV", data: { target: "NPI1A2B3C.local", port: 631 } },
      { name: "HP LaserJet Pro M404dn._ipp._tcp.local", type: "TXT", data: ["ty=HP LaserJet Pro M404dn", "usb_MFG=HP"] },
      { name: "NPI1A2B3C.local", type: "A", data: ip },
    ],
  });
});
const xml = '<?xml version="1.0"?><root xmlns="urn:schemas-upnp-org:device-1-0"><device><deviceType>urn:schemas-upnp-org:device:Printer:1</deviceType><friendlyName>Reception printer</friendlyName><manufacturer>HP</manufacturer><modelName>LaserJet Pro M404dn</modelName></device></root>';
http.createServer((req, res) => res.end(xml)).listen(49152, ip);
const ssdp = dgram.createSocket({ type: "udp4", reuseAddr: true });
ssdp.on("message", (msg, rinfo) => {
  if (!msg.toString().startsWith("M-SEARCH")) return;
  const answer = "HTTP/1.1 200 OK\\r\\nCACHE-CONTROL: max-age=1800\\r\\nLOCATION: http://" + ip + ":49152/desc.xml\\r\\nSERVER: HP-ChaiSOE/1.0 UPnP/1.0\\r\\nST: urn:schemas-upnp-org:device:Printer:1\\r\\nUSN: uuid:lab-printer\\r\\n\\r\\n";
  ssdp.send(answer, rinfo.port, rinfo.address);
});
ssdp.bind(1900, () => ssdp.addMembership("239.255.255.250", ip));
console.log("ready");
`;

let lab: AttachedLab;
let audit: Audit;
let announcer: ChildProcess | undefined;
const hostAt = (ip: string): Host | undefined => audit.hosts.find((h) => h.ip === ip);

beforeAll(async () => {
  lab = await attachLab(inject("labs").office);
  const printer = lab.truth.hosts.find((h) => h.role === "printer");
  if (!printer) throw new Error("office ground truth has no printer");
  announcer = spawn(
    "ip",
    [
      "netns",
      "exec",
      lab.agentNs.replace(/-agent$/, "-prn01"),
      process.execPath,
      "--input-type=module",
      "-e",
      ANNOUNCER,
      printer.ip,
    ],
    { cwd: process.cwd(), stdio: ["ignore", "pipe", "pipe"] },
  );
  await new Promise<void>((resolve, reject) => {
    announcer?.stdout?.once("data", () => resolve());
    announcer?.once("exit", (code) => reject(new Error(`announcer exited (${code})`)));
  });
  const result = await lab.execInAgent(
    [
      "npx",
      "tsx",
      "test/integration/helpers/run-gatherers.ts",
      "--targets",
      lab.truth.cidr,
      "--ping-target",
      lab.truth.internetTarget,
      "--community",
      SECRET_COMMUNITY,
      "public",
    ],
    { timeoutMs: 240_000 },
  );
  if (result.code !== 0)
    throw new Error(`run-gatherers failed (${result.code}): ${result.stderr.slice(-2000)}`);
  const parsed = parseAudit(JSON.parse(result.stdout));
  if (!parsed.ok)
    throw new Error(`run-gatherers printed no valid Audit: ${JSON.stringify(parsed.problems).slice(0, 500)}`);
  audit = parsed.audit;
});

afterAll(() => {
  announcer?.kill("SIGTERM");
});

describe("collectors in the office lab", () => {
  it("reads the agent host: gateway, lab DNS server and search domain", () => {
    expect(audit.agent?.gateway).toBe(lab.truth.gateway);
    expect(audit.agent?.dnsServers).toContain(lab.truth.dnsServer);
    expect(audit.agent?.searchDomain).toBe(lab.truth.searchDomain);
    expect(audit.agent?.interfaces.map((i) => i.ip4)).toContain(lab.truth.agent.ip);
    expect(audit.agent?.nmapVersion).toMatch(/^\d+\.\d+/);
  });

  it("finds the AD domain and its DC through DNS SRV and the DC's LDAP rootDSE", () => {
    const domain = audit.directory.domains.find((d) => d.dnsName === lab.truth.directory.name);
    expect(domain, JSON.stringify(audit.directory)).toBeDefined();
    expect(domain?.sources).toEqual(expect.arrayContaining(["dns-srv", "ldap-rootdse"]));
    expect(domain?.netbiosName).toBe(lab.truth.directory.netbiosName);
    expect(domain?.controllers.map((c) => c.ip).sort()).toEqual([...lab.truth.directory.controllers].sort());
    expect(domain?.controllers[0]?.hostname).toMatch(
      new RegExp(`\\.${lab.truth.directory.name.replace(/\./g, "\\.")}$`),
    );
    expect(domain?.functionalLevel).toMatch(/^20\d\d/);
    expect(domain?.namingContext).toBe(
      lab.truth.directory.name
        .split(".")
        .map((l) => `DC=${l}`)
        .join(","),
    );
    expect(audit.directory.workgroups.map((w) => w.name)).not.toContain(lab.truth.directory.netbiosName);
  });

  it("reads the firewall's SNMP system group with the second configured community, never writing it", () => {
    const snmp = hostAt(lab.truth.firewall.ip)?.snmp;
    expect(snmp?.sysDescr).toContain(lab.truth.firewall.vendor ?? "?");
    expect(snmp?.sysObjectID).toMatch(/^1\.3\.6\.1\.4\.1\.12356\./);
    expect(snmp?.sysUpTimeSeconds).toBeGreaterThan(0);
    expect(snmp?.communityIndex).toBe(1);
    expect(JSON.stringify(audit)).not.toContain(SECRET_COMMUNITY);
  });

  it("reads the UPS battery status and charge over SNMP (UPS-MIB)", () => {
    expect(lab.truth.ups).toBe("yes");
    const ups = lab.truth.hosts.find((h) => h.role === "ups");
    const status = hostAt(ups?.ip ?? "")?.snmp?.ups;
    expect(status).toMatchObject({
      source: "snmp-ups-mib",
      batteryStatus: "batteryNormal",
      onBattery: false,
    });
    expect(status?.chargePercent).toBeGreaterThan(0);
  });

  it("reads the UPS over NUT into host.ups", () => {
    const ups = lab.truth.hosts.find((h) => h.role === "ups");
    // Needs agent/merge-hosts.ts to carry Host.ups over (the scan core's merge), like snmp.
    expect(hostAt(ups?.ip ?? "")?.ups, "NUT facts lost: does mergeHost merge Host.ups?").toEqual([
      expect.objectContaining({
        source: "nut",
        batteryStatus: "OL",
        chargePercent: expect.any(Number),
        onBattery: false,
      }),
    ]);
  });

  it("measures latency and loss to the gateway, the DNS server and the lab's internet", () => {
    expect(audit.network.gateway).toMatchObject({
      target: lab.truth.gateway,
      kind: "gateway",
      lossPercent: 0,
    });
    expect(audit.network.gateway?.avgMs).toBeGreaterThan(0);
    expect(audit.network.gateway?.jitterMs).toBeGreaterThanOrEqual(0);
    expect(audit.network.dns.map((d) => d.target)).toContain(lab.truth.dnsServer);
    expect(audit.network.wan).toEqual([
      expect.objectContaining({ target: lab.truth.internetTarget, received: 10 }),
    ]);
  });

  it("hears the printer's mDNS and SSDP announcements and reads its UPnP description", () => {
    const printer = hostAt(lab.truth.hosts.find((h) => h.role === "printer")?.ip ?? "");
    expect(printer?.announcements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          protocol: "mdns",
          name: "HP LaserJet Pro M404dn",
          model: "HP LaserJet Pro M404dn",
          services: ["_ipp._tcp"],
        }),
        expect.objectContaining({
          protocol: "ssdp",
          name: "Reception printer",
          manufacturer: "HP",
          model: "LaserJet Pro M404dn",
        }),
      ]),
    );
    expect(printer?.hostnames).toEqual(expect.arrayContaining([{ name: "npi1a2b3c.local", type: "mdns" }]));
  });

  it("records every probe and no collector failure", () => {
    const ids = audit.engagement.probes.map((p) => p.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        "local-host",
        "dns-srv",
        "ldap-rootdse",
        "snmp",
        "nut",
        "announcements",
        "wan-health",
      ]),
    );
    expect(
      audit.warnings.filter((w) => !["nmap-discovery", "test-seed-services"].includes(w.source)),
    ).toEqual([]);
  });
});
