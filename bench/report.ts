/**
 * Report benchmark: Audits of 50, 250, 1,000 and 5,000 devices (bench/make-audit.ts, replicated
 * from a recorded lab office scan) through analysis, HTML and PDF, each stage in its own process
 * (bench/report-stage.mjs). Per stage: the stage's own time, the process's wall time, peak RSS of
 * the node process, and peak RSS/PSS of the whole process tree (node + Chromium) sampled every
 * 100 ms. Sizes alternate within a round. A "chromium baseline" prints a one-line page once;
 * the report's PDF stage ("report-pdf") prints as `sweetspot report` does: a draft, its section
 * pages read back, then the report with a numbered contents page.
 *
 *   npx tsx bench/report.ts [--rounds 5] [--sizes 50,250,1000,5000]
 *
 * Needs a built tree (npx tsc -p tsconfig.build.json) and Chromium.
 */
import { spawn } from "node:child_process";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { AuditSchema } from "../schema/audit.js";
import { median } from "./lib/alternate.js";
import { machineInfo } from "./lib/machine.js";
import { samplePeakMemory } from "./lib/tree-memory.js";
import { makeAudit } from "./make-audit.js";

const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "5" },
    sizes: { type: "string", default: "50,250,1000,5000" },
  },
});
const rounds = Number(values.rounds);
const sizes = (values.sizes as string).split(",").map(Number);
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const work = `/tmp/ssbench-report-${stamp}`;
mkdirSync(work, { recursive: true });
const resultsPath = join(import.meta.dirname, "results", `report-${stamp}.json`);
mkdirSync(join(import.meta.dirname, "results"), { recursive: true });
const stageScript = join(import.meta.dirname, "report-stage.mjs");
const machine = machineInfo();

interface StageRun {
  size: number | "chromium-baseline";
  stage: string;
  round: number;
  stageMs: number;
  wallMs: number;
  nodeMaxRssKb: number;
  treePeakRssKb: number;
  treePeakPssKb: number;
  /** Most processes seen at once in the tree (node + Chromium). */
  treeProcesses: number;
  load1: number;
  pages?: number;
  /** Times Chromium printed the document in the stage. */
  prints?: number;
}
const runs: StageRun[] = [];

function stage(
  name: string,
  input: string,
  output: string,
  devices?: number,
): Promise<Omit<StageRun, "size" | "stage" | "round">> {
  return new Promise((resolve, reject) => {
    const load1 = Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]);
    const t0 = performance.now();
    const args = [stageScript, name, input, output, ...(devices === undefined ? [] : [String(devices)])];
    const child = spawn(process.execPath, args, {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const sampler = samplePeakMemory(child.pid as number);
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 600_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      const peak = sampler.stop();
      const wallMs = performance.now() - t0;
      if (code !== 0) return reject(new Error(`${name} ${input}: exit ${code}\n${err.slice(-2000)}`));
      const j = JSON.parse(out.trim().split("\n").pop() as string) as {
        stageMs: number;
        maxRssKb: number;
        prints?: number;
      };
      resolve({
        stageMs: j.stageMs,
        wallMs,
        nodeMaxRssKb: j.maxRssKb,
        ...(j.prints === undefined ? {} : { prints: j.prints }),
        treePeakRssKb: peak.rssKb,
        treePeakPssKb: peak.pssKb,
        treeProcesses: peak.processes,
        load1,
      });
    });
  });
}

function pages(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))?.[1]);
}

const source = AuditSchema.parse(
  JSON.parse(readFileSync(join(import.meta.dirname, "data", "office-lab.audit.json"), "utf8")),
);
for (const size of sizes)
  writeFileSync(join(work, `a${size}.audit.json`), JSON.stringify(makeAudit(source, size)));
writeFileSync(join(work, "baseline.html"), "<!doctype html><html><body><p>baseline</p></body></html>");
const save = () => writeFileSync(resultsPath, JSON.stringify({ machine, rounds, sizes, runs }, null, 2));

for (let round = 1; round <= rounds; round++) {
  const b = await stage("pdf", join(work, "baseline.html"), join(work, "baseline.pdf"));
  runs.push({ size: "chromium-baseline", stage: "pdf", round, ...b });
  for (const size of sizes) {
    const audit = join(work, `a${size}.audit.json`);
    const assessment = join(work, `a${size}.assessment.json`);
    const html = join(work, `a${size}.html`);
    const pdf = join(work, `a${size}.pdf`);
    for (const [name, input, output] of [
      ["analyze", audit, assessment],
      ["html", assessment, html],
      ["report-pdf", html, pdf],
    ] as const) {
      const r = await stage(name, input, output, size);
      const run: StageRun = {
        size,
        stage: name,
        round,
        ...r,
        ...(name === "report-pdf" ? { pages: pages(pdf) } : {}),
      };
      runs.push(run);
      console.log(
        `round ${round} ${String(size).padStart(5)} ${name.padEnd(10)} stage ${(r.stageMs / 1000).toFixed(2)} s, process ${(r.wallMs / 1000).toFixed(2)} s, node RSS ${(r.nodeMaxRssKb / 1024).toFixed(0)} MB, tree RSS ${(r.treePeakRssKb / 1024).toFixed(0)} MB / PSS ${(r.treePeakPssKb / 1024).toFixed(0)} MB, ${r.treeProcesses} processes${run.pages ? `, ${run.pages} pages` : ""}${r.prints ? `, ${r.prints} prints` : ""}, load ${r.load1.toFixed(1)}`,
      );
      save();
    }
  }
}
save();

console.log("\nmedians (stage time s | process s | node RSS MB | tree PSS MB):");
const base = runs.filter((r) => r.size === "chromium-baseline");
console.log(
  `chromium baseline pdf: ${(median(base.map((r) => r.stageMs)) / 1000).toFixed(2)} s, tree PSS ${(median(base.map((r) => r.treePeakPssKb)) / 1024).toFixed(0)} MB`,
);
for (const size of sizes)
  for (const name of ["analyze", "html", "report-pdf"]) {
    const rs = runs.filter((r) => r.size === size && r.stage === name);
    const m = (f: (r: StageRun) => number) => median(rs.map(f));
    console.log(
      `${String(size).padStart(5)} ${name.padEnd(10)} ${(m((r) => r.stageMs) / 1000).toFixed(3)} | ${(m((r) => r.wallMs) / 1000).toFixed(2)} | ${(m((r) => r.nodeMaxRssKb) / 1024).toFixed(0)} | ${(m((r) => r.treePeakPssKb) / 1024).toFixed(0)}${rs[0]?.pages ? ` | ${rs[0].pages} pages` : ""} | per device ${(m((r) => r.stageMs) / size).toFixed(2)} ms`,
    );
  }
console.log(`results: ${resultsPath}`);
