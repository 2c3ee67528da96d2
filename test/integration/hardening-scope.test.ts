import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LabHandle } from "../lab/index.js";
import { parseAudit } from "../../schema/parse-audit.js";
import { bringUpHostile, errorLines, hostNs, startCli } from "../unit/hardening/support/hostile-lab.js";

/**
 * Scope manners, proven with packet captures inside the lab (never in the root namespace):
 * public targets and scopes over a /20 are refused before any packet leaves the agent, and
 * --exclude hosts receive nothing at all, not even an ARP request for their address.
 */
let lab: LabHandle;
let dir: string;
let net: string;

beforeAll(async () => {
  lab = await bringUpHostile();
  dir = mkdtempSync(join("/tmp", "sweetspot-scope-"));
  net = lab.truth.cidr.replace(/\.0\/24$/, "");
}, 120_000);

afterAll(async () => {
  await lab?.down();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Capture {
  stop(): Promise<string[]>;
}

/** tcpdump inside a lab namespace; resolves once it listens. Lines are packets (-l -n, no names). */
async function capture(ns: string, filter: string): Promise<Capture> {
  const child: ChildProcess = spawn("ip", ["netns", "exec", ns, "tcpdump", "-i", "eth0", "-n", "-l", "-p", filter], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`tcpdump in ${ns} did not start: ${err}`)), 15_000);
    child.stderr?.on("data", (d) => {
      err += d;
      if (/listening on/.test(err)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on("exit", () => reject(new Error(`tcpdump in ${ns} exited: ${err}`)));
  });
  return {
    async stop() {
      await new Promise((r) => setTimeout(r, 500));
      const exited = new Promise((r) => child.on("close", r));
      child.kill("SIGTERM"); // our own tcpdump, by its pid (ip netns exec execs it in place)
      await exited;
      return out.split("\n").filter((l) => l.trim() !== "");
    },
  };
}

describe("refused before any packet (run in the lab's agent namespace, captured there)", () => {
  it.each([
    { name: "a public target without --allow-public", args: ["8.8.8.8/32"], says: /public.*--allow-public/ },
    { name: "a public range mixed with a private one", args: ["10.77.66.0/24", "1.1.1.0/30"], says: /1\.1\.1\.0\/30.*public/ },
    { name: "a scope over a /20 without --force", args: ["10.0.0.0/8"], says: /more than a \/20.*--force/ },
    { name: "a /19 around the lab without --force", args: ["10.77.64.0/19"], says: /--force/ },
  ])("$name: exit 2, one line, zero packets from the agent", async ({ args, says }) => {
    // IPv4 and ARP from the agent (the kernel's own IPv6 router solicitations after bring-up are not ours).
    const cap = await capture(lab.agentNs, `(ip and src host ${lab.truth.agent.ip}) or (arp and ether src ${lab.truth.agent.mac})`);
    const out = join(dir, "refused.audit.json");
    const r = await startCli(lab.agentNs, ["scan", ...args, "--yes", "--client", "Scope", "--out", out]).done;
    const packets = await cap.stop();
    expect(r.code, r.stderr).toBe(2);
    const lines = errorLines(r.stderr);
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(says);
    expect(packets, packets.join("\n")).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });
});

describe("bad input files refused before any packet", () => {
  it.each([
    { name: "a brand file whose logo is missing", flags: ["--brand", "test/fixtures/hostile/missing-logo.brand.yaml"], says: /logo/ },
    { name: "answers with a wrong type", flags: ["--answers", "test/fixtures/hostile/wrong-type.answers.yaml"], says: /employees/ },
    { name: "pricing with a wrong type", flags: ["--pricing", "test/fixtures/hostile/wrong-type.pricing.yaml"], says: /currency/ },
  ])("assess with $name: exit 2, one line, zero packets, no Audit", async ({ flags, says }) => {
    const out = mkdtempSync(join(dir, "assess-"));
    const cap = await capture(lab.agentNs, `(ip and src host ${lab.truth.agent.ip}) or (arp and ether src ${lab.truth.agent.mac})`);
    const r = await startCli(lab.agentNs, ["assess", `${net}.1`, "--yes", "--client", "Acme", "--dir", out, "-q", ...flags]).done;
    const packets = await cap.stop();
    expect(r.code, r.stderr).toBe(2);
    const lines = errorLines(r.stderr);
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(says);
    // A typo in brand.yaml must not cost a scan at the client's office.
    expect(packets.length, `${packets.length} packets sent before the file was checked`).toBe(0);
  }, 300_000);
});

describe("an output folder that cannot be written", () => {
  it("scan --out into a missing folder: refused before any packet, so no scan is lost", async () => {
    const cap = await capture(lab.agentNs, `(ip and src host ${lab.truth.agent.ip}) or (arp and ether src ${lab.truth.agent.mac})`);
    const out = join(dir, "no-such-folder", "a.audit.json");
    const r = await startCli(lab.agentNs, ["scan", `${net}.1`, "--yes", "--client", "Acme", "--out", out, "-q"]).done;
    const packets = await cap.stop();
    const lines = errorLines(r.stderr);
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toContain("no-such-folder");
    expect(r.code).not.toBe(0);
    expect(packets.length, `${packets.length} packets sent, then the Audit could not be written`).toBe(0);
  }, 300_000);
});

describe("--exclude", () => {
  it("excluded hosts get no packet during a full lab scan (tcpdump in their namespaces)", async () => {
    const printer = `${net}.20`;
    const tarpit = `${net}.66`;
    const agent = lab.truth.agent;
    // IP packets from the agent to the host, and ARP requests from the agent asking for it.
    const filter = (ip: string) => `(src host ${agent.ip} and dst host ${ip}) or (arp and ether src ${agent.mac} and arp[24:4] = 0x${ip.split(".").map((o) => Number(o).toString(16).padStart(2, "0")).join("")})`;
    const caps = [await capture(hostNs(lab, "prn"), filter(printer)), await capture(hostNs(lab, "tarpit"), filter(tarpit))];
    // A control capture on a host that is scanned, so zero above means "excluded", not "capture broken".
    const control = await capture(hostNs(lab, "pc1"), filter(`${net}.101`));
    const out = join(dir, "excluded.audit.json");
    const r = await startCli(lab.agentNs, [
      "scan",
      "--yes",
      "--client",
      "Exclude",
      "--out",
      out,
      "--exclude",
      `${printer},${tarpit}`,
      "--host-timeout",
      "60",
      "--snmp-community",
      "public",
    ]).done;
    const [toPrinter, toTarpit] = [await caps[0]!.stop(), await caps[1]!.stop()];
    const toControl = await control.stop();
    expect(r.code, r.stderr).toBe(0);
    expect(toControl.length).toBeGreaterThan(10);
    expect(toPrinter, toPrinter.slice(0, 5).join("\n")).toEqual([]);
    expect(toTarpit, toTarpit.slice(0, 5).join("\n")).toEqual([]);
    const parsed = parseAudit(JSON.parse(readFileSync(out, "utf8")));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.audit.scope.excluded).toEqual(expect.arrayContaining([printer, tarpit]));
      expect(parsed.audit.hosts.map((h) => h.ip)).not.toContain(printer);
      expect(parsed.audit.hosts.map((h) => h.ip)).not.toContain(tarpit);
    }
  }, 300_000);
});
