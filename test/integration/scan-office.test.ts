import { type ChildProcess, spawn } from "node:child_process";
import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PORT_LIST } from "../../agent/nmap/port-list.js";
import type { GroundTruth, ProvidedLabs } from "../lab/lab-types.js";
import type { Audit, Host } from "../../schema/audit.js";
import { parseAudit } from "../../schema/parse-audit.js";

/**
 * `sweetspot scan` run for real inside the office lab's agent namespace, with no targets: it must
 * auto-detect the lab's /24 (the only subnet it can see there) and find what the ground truth says.
 */
const BIN = join(process.cwd(), "bin", "sweetspot.js");

interface ScanRun {
  code: number | null;
  stderr: string;
  stdout: string;
  seconds: number;
  audit?: Audit;
}

function office(): { agentNs: string; truthPath: string } {
  const labs = inject("labs" as never) as ProvidedLabs | undefined;
  const lab = labs?.office;
  if (!lab)
    throw new Error("the office lab is not up: these tests need test/lab's global setup (run as root)");
  return lab;
}

function startScan(agentNs: string, out: string, asNobody: boolean): ChildProcess {
  const prefix = asNobody ? ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"] : [];
  return spawn(
    "ip",
    [
      "netns",
      "exec",
      agentNs,
      ...prefix,
      process.execPath,
      BIN,
      "scan",
      "--yes",
      "--client",
      "Lab",
      "--out",
      out,
    ],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
}

async function finish(child: ChildProcess, out: string, started: number): Promise<ScanRun> {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d) => {
    stdout += d;
  });
  child.stderr?.on("data", (d) => {
    stderr += d;
  });
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const seconds = (Date.now() - started) / 1000;
  let audit: Audit | undefined;
  try {
    const parsed = parseAudit(JSON.parse(await readFile(out, "utf8")));
    if (!parsed.ok) throw new Error(`${out}: invalid Audit: ${JSON.stringify(parsed.problems.slice(0, 3))}`);
    audit = parsed.audit;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  return { code, stdout, stderr, seconds, audit };
}

const byIp = (audit: Audit) => new Map(audit.hosts.map((h) => [h.ip, h]));
const openPorts = (host: Host | undefined) =>
  new Set((host?.services ?? []).filter((s) => s.state === "open").map((s) => `${s.port}/${s.protocol}`));

let dir: string;
let truth: GroundTruth;
let agentNs: string;
beforeAll(async () => {
  const lab = office();
  agentNs = lab.agentNs;
  truth = JSON.parse(await readFile(lab.truthPath, "utf8")) as GroundTruth;
  dir = await mkdtemp(join(tmpdir(), "sweetspot-scan-lab-"));
  await chmod(dir, 0o777); // the unprivileged scan runs as nobody
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("sweetspot scan in the office lab (privileged)", () => {
  let run: ScanRun;
  beforeAll(async () => {
    const out = join(dir, "office.audit.json");
    run = await finish(startScan(agentNs, out, false), out, Date.now());
    console.info(`office scan (privileged): ${run.seconds.toFixed(1)} s`);
  });

  it("completes, auto-detecting the lab subnet, and writes a valid Audit", () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.audit?.status).toBe("complete");
    expect(run.audit?.scope).toMatchObject({ targets: [truth.cidr], autoDetected: true });
    expect(run.audit?.engagement.privileged).toBe(true);
    expect(run.stdout).toMatch(/Audit written to .*office\.audit\.json/);
  });

  it("finds every live host with its MAC and vendor", () => {
    const hosts = byIp(run.audit as Audit);
    for (const expected of truth.hosts) {
      const found = hosts.get(expected.ip);
      expect(found, `${expected.name} ${expected.ip}`).toBeDefined();
      expect(found?.mac?.toLowerCase(), expected.name).toBe(expected.mac.toLowerCase());
      expect(found?.vendor, expected.name).toBe(expected.vendor);
    }
  });

  it("finds each host's TCP services open, and the UDP services the port list covers", () => {
    const hosts = byIp(run.audit as Audit);
    const udpListed = new Set(PORT_LIST.filter((e) => e.protocol === "udp").map((e) => `${e.port}/udp`));
    for (const expected of truth.hosts) {
      const host = hosts.get(expected.ip);
      const open = openPorts(host);
      const seen = new Set((host?.services ?? []).map((s) => `${s.port}/${s.protocol}`));
      for (const service of expected.services) {
        if (service.endsWith("/tcp")) expect(open.has(service), `${expected.name} ${service}`).toBe(true);
        else if (udpListed.has(service)) expect(seen.has(service), `${expected.name} ${service}`).toBe(true);
      }
    }
  });

  it("names products and versions", () => {
    const services = (run.audit as Audit).hosts.flatMap((h) => h.services.filter((s) => s.state === "open"));
    expect(services.filter((s) => s.product && s.version).length).toBeGreaterThanOrEqual(4);
    expect(services.some((s) => /samba/i.test(s.product ?? "") && s.version)).toBe(true);
    expect(services.some((s) => /nginx/i.test(s.product ?? ""))).toBe(true);
    expect(services.some((s) => /Network UPS Tools/i.test(s.product ?? ""))).toBe(true);
    expect(services.some((s) => /Active Directory LDAP/i.test(s.product ?? ""))).toBe(true);
  });

  it("sees SMB1 (NT LM 0.12) on the file server", () => {
    const fs01 = truth.hosts.find((h) => h.role === "file-server");
    const host = byIp(run.audit as Audit).get(fs01?.ip ?? "");
    expect(JSON.stringify(host?.scripts["smb-protocols"] ?? {})).toMatch(/NT LM 0\.12|SMBv1/);
  });

  it("reads the switch's expired certificate", () => {
    const sw = truth.hosts.find((h) => h.role === "switch");
    const host = byIp(run.audit as Audit).get(sw?.ip ?? "");
    const cert = host?.tls.find((c) => c.port === 443);
    expect(cert?.notAfter, JSON.stringify(host?.tls)).toBeDefined();
    expect(new Date(cert?.notAfter ?? "").getTime()).toBeLessThan(Date.now());
  });

  it("records each nmap run and its command line in the engagement", () => {
    const audit = run.audit as Audit;
    const nmapProbes = audit.engagement.probes.filter((p) => p.tool === "nmap");
    expect(nmapProbes.some((p) => p.command?.includes(" -sn "))).toBe(true);
    expect(nmapProbes.some((p) => p.command?.includes(" -sS "))).toBe(true);
    expect(nmapProbes.every((p) => p.command?.includes("--max-rate"))).toBe(true);
    expect(audit.nmap.length).toBe(nmapProbes.length);
  });
});

describe("sweetspot scan in the office lab as an unprivileged user", () => {
  let run: ScanRun;
  beforeAll(async () => {
    const out = join(dir, "office-nobody.audit.json");
    run = await finish(startScan(agentNs, out, true), out, Date.now());
    console.info(`office scan (unprivileged): ${run.seconds.toFixed(1)} s`);
  });

  it("still finds every host, ICMP-dropping workstations included", () => {
    expect(run.code, run.stderr).toBe(0);
    const hosts = byIp(run.audit as Audit);
    for (const expected of truth.hosts)
      expect(hosts.has(expected.ip), `${expected.name} ${expected.ip}`).toBe(true);
    expect(run.audit?.engagement.privileged).toBe(false);
  });

  it("still names each host's MAC vendor (from the kernel's ARP table) and the domain", () => {
    const hosts = byIp(run.audit as Audit);
    for (const expected of truth.hosts)
      expect(hosts.get(expected.ip)?.vendor, expected.name).toBe(expected.vendor);
    if (truth.directory.kind === "domain") {
      const domains = run.audit?.directory.domains.map((d) => d.dnsName.toLowerCase());
      expect(domains).toContain(truth.directory.name.toLowerCase());
    }
  });

  it("says what it skipped and why", () => {
    const warnings = (run.audit as Audit).warnings.map((w) => w.message).join("\n");
    expect(warnings).toMatch(/TCP connect scan/);
    expect(warnings).toMatch(/UDP ports not scanned/);
    expect(warnings).toMatch(/OS detection \(-O\) skipped/);
    const commands = (run.audit as Audit).engagement.probes.map((p) => p.command ?? "").join("\n");
    expect(commands).toMatch(/ -sT /);
    expect(commands).not.toMatch(/ -sU | -O /);
  });

  it("still reads the TCP services", () => {
    const fs01 = truth.hosts.find((h) => h.role === "file-server");
    expect(openPorts(byIp(run.audit as Audit).get(fs01?.ip ?? "")).has("445/tcp")).toBe(true);
  });
});

describe("Ctrl-C during the services phase", () => {
  let run: ScanRun;
  const out = () => join(dir, "office-interrupted.audit.json");
  beforeAll(async () => {
    const started = Date.now();
    const child = startScan(agentNs, out(), false);
    let seen = "";
    let sent = false;
    child.stderr?.on("data", (d) => {
      seen += d;
      if (!sent && /\] services \d+ host/.test(seen)) {
        sent = true;
        setTimeout(() => child.kill("SIGINT"), 2000);
      }
    });
    run = await finish(child, out(), started);
    run.stderr = seen;
  });

  it("exits 1 naming the partial Audit it wrote", () => {
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`partial audit written to ${out()}`);
  });

  it("leaves a valid Audit marked partial with the hosts found so far", () => {
    expect(run.audit?.status).toBe("partial");
    expect(run.audit?.hosts.length).toBeGreaterThanOrEqual(truth.hosts.length);
    expect(run.audit?.warnings.map((w) => w.message).join("\n")).toMatch(
      /interrupted during the services phase/,
    );
  });
});
