/**
 * Peak memory of a whole `sweetspot report` run (node and every Chromium process it starts), as a
 * consultant runs it: the built CLI on an Audit of N devices, writing the PDF.
 *
 *   npx tsx bench/cli-memory.ts [--devices 1000] [--rounds 5]
 *
 * Samples the process tree's PSS (shared pages split between sharers) every 50 ms and reports,
 * per run, the peak and how it splits between node and each Chromium process at that moment.
 * The Audit is built from the recorded lab scan (bench/make-audit.ts). No network.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { AuditSchema } from "../schema/audit.js";
import { median } from "./lib/alternate.js";
import { machineInfo } from "./lib/machine.js";
import { makeAudit } from "./make-audit.js";

const { values } = parseArgs({
  options: { devices: { type: "string", default: "1000" }, rounds: { type: "string", default: "5" } },
});
const devices = Number(values.devices);
const rounds = Number(values.rounds);
const bin = join(import.meta.dirname, "..", "bin", "sweetspot.js");
const work = mkdtempSync(join(tmpdir(), "sweetspot-cli-memory-"));
const resultsDir = join(import.meta.dirname, "results");
mkdirSync(resultsDir, { recursive: true });
const resultsPath = join(
  resultsDir,
  `cli-memory-${devices}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`,
);

interface Part {
  process: string;
  pssMb: number;
}
interface Run {
  round: number;
  seconds: number;
  peakPssMb: number;
  atSeconds: number;
  parts: Part[];
}

function pssKb(pid: number): number {
  try {
    return Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

function kind(pid: number, root: number): string {
  if (pid === root) return "node";
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split(/[\0 ]/);
    const type = args.find((arg) => arg.startsWith("--type="))?.slice(7);
    const sub = args
      .find((arg) => arg.startsWith("--utility-sub-type="))
      ?.split(".")
      .pop();
    return type ? `chromium ${type}${sub ? ` (${sub})` : ""}` : "chromium browser";
  } catch {
    return "gone";
  }
}

function tree(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {}
  }
  const pids = [root];
  for (let i = 0; i < pids.length; i++)
    for (const [pid, parent] of parentOf) if (parent === pids[i]) pids.push(pid);
  return pids;
}

function run(round: number, audit: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [bin, "report", audit, "--out", join(work, "report.pdf"), "--no-history", "-q"],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const root = child.pid as number;
    let peak = { total: 0, at: 0, parts: [] as Part[] };
    const timer = setInterval(() => {
      const parts = tree(root).map((pid) => ({ process: kind(pid, root), pssMb: pssKb(pid) / 1024 }));
      const total = parts.reduce((sum, part) => sum + part.pssMb, 0);
      if (total > peak.total) peak = { total, at: (performance.now() - started) / 1000, parts };
    }, 50);
    const limit = setTimeout(() => child.kill("SIGKILL"), 300_000);
    child.on("close", (code) => {
      clearInterval(timer);
      clearTimeout(limit);
      if (code !== 0) return reject(new Error(`sweetspot report exited ${code}: ${stderr.slice(-500)}`));
      resolve({
        round,
        seconds: (performance.now() - started) / 1000,
        peakPssMb: peak.total,
        atSeconds: peak.at,
        parts: peak.parts,
      });
    });
  });
}

try {
  const source = AuditSchema.parse(
    JSON.parse(readFileSync(join(import.meta.dirname, "data", "office-lab.audit.json"), "utf8")),
  );
  const audit = join(work, `a${devices}.audit.json`);
  writeFileSync(audit, JSON.stringify(makeAudit(source, devices)));
  const runs: Run[] = [];
  for (let round = 1; round <= rounds; round++) {
    const r = await run(round, audit);
    runs.push(r);
    console.log(
      `round ${round}: ${r.seconds.toFixed(2)} s, peak ${r.peakPssMb.toFixed(0)} MB PSS at ${r.atSeconds.toFixed(2)} s: ` +
        r.parts.map((part) => `${part.process} ${part.pssMb.toFixed(0)}`).join(", "),
    );
  }
  const node = runs.map((r) => r.parts.find((part) => part.process === "node")?.pssMb ?? 0);
  console.log(
    `${devices} devices: peak ${median(runs.map((r) => r.peakPssMb)).toFixed(0)} MB PSS median ` +
      `(${Math.min(...runs.map((r) => r.peakPssMb)).toFixed(0)}–${Math.max(...runs.map((r) => r.peakPssMb)).toFixed(0)}), ` +
      `node ${median(node).toFixed(0)} MB of it; run ${median(runs.map((r) => r.seconds)).toFixed(2)} s`,
  );
  writeFileSync(resultsPath, JSON.stringify({ machine: machineInfo(), devices, runs }, null, 2));
  console.log(`raw runs: ${resultsPath}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
