// V8 tiering: the report's analysis and HTML stages with V8's default tier-up budget against the
// budget bin/sweetspot.js sets (lib/v8-tuning.ts), alternated A B A B … in fresh processes:
//
//   npx tsx bench/tiering.ts [--rounds 9] [--sizes 250,1000,5000]
//
// A runs `node --interrupt-budget=67584 bench/report-stage.mjs …` (Node 20's default, given on
// the command line, so the stage leaves it alone); B runs the stage as shipped. Reports each
// stage's wall time and its main thread's CPU time (medians), and the paired ratio B / A.
// Audits are built from the recorded lab scan (bench/make-audit.ts). No network.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { AuditSchema } from "../schema/audit.js";
import { type RunResult, median, runAlternating } from "./lib/alternate.js";
import { machineInfo } from "./lib/machine.js";
import { makeAudit } from "./make-audit.js";

const V8_DEFAULT_BUDGET = "--interrupt-budget=67584";

const { values } = parseArgs({
  options: { rounds: { type: "string", default: "9" }, sizes: { type: "string", default: "250,1000,5000" } },
});
const rounds = Number(values.rounds);
const sizes = values.sizes.split(",").map(Number);
const stageScript = join(import.meta.dirname, "report-stage.mjs");
const work = mkdtempSync(join(tmpdir(), "sweetspot-tiering-"));
const resultsPath = join(
  import.meta.dirname,
  "results",
  `tiering-${new Date().toISOString().replace(/[:.]/g, "-")}.json`,
);

interface StageLine {
  stageMs: number;
  mainCpuMs?: number;
  tuned: boolean;
}
const rows: { size: number; stage: string; variant: string; round: number; line: StageLine }[] = [];

try {
  const source = AuditSchema.parse(
    JSON.parse(readFileSync(join(import.meta.dirname, "data", "office-lab.audit.json"), "utf8")),
  );
  for (const size of sizes) {
    const audit = join(work, `a${size}.audit.json`);
    writeFileSync(audit, JSON.stringify(makeAudit(source, size)));
    for (const stage of ["analyze", "html"] as const) {
      const input = stage === "analyze" ? audit : join(work, `a${size}.default.json`);
      const out = (variant: string) =>
        join(work, stage === "analyze" ? `a${size}.${variant}.json` : `a${size}.${variant}.html`);
      const record = (variant: string) => (round: number, result: RunResult) => {
        if (result.code !== 0) throw new Error(`${stage} ${size} ${variant}: ${result.stderr.slice(-500)}`);
        const line = JSON.parse(result.stdout.trim().split("\n").pop() as string) as StageLine;
        if (line.tuned !== (variant === "tuned"))
          throw new Error(`${variant} run reported tuned=${line.tuned}`);
        rows.push({ size, stage, variant, round, line });
      };
      await runAlternating(
        [
          {
            name: "default",
            argv: () => [
              process.execPath,
              V8_DEFAULT_BUDGET,
              stageScript,
              stage,
              input,
              out("default"),
              String(size),
            ],
            timeoutMs: 300_000,
            after: record("default"),
          },
          {
            name: "tuned",
            argv: () => [process.execPath, stageScript, stage, input, out("tuned"), String(size)],
            timeoutMs: 300_000,
            after: record("tuned"),
          },
        ],
        rounds,
      );
      if (stage === "analyze" && readFileSync(out("default"), "utf8") !== readFileSync(out("tuned"), "utf8"))
        throw new Error(`a${size}: the two Assessments differ`);
      const of = (variant: string) =>
        rows.filter((r) => r.size === size && r.stage === stage && r.variant === variant);
      const wall = (variant: string) => median(of(variant).map((r) => r.line.stageMs));
      const cpu = (variant: string) => median(of(variant).map((r) => r.line.mainCpuMs ?? Number.NaN));
      const ratios = of("tuned").map((t) => {
        const d = of("default").find((r) => r.round === t.round);
        return d ? t.line.stageMs / d.line.stageMs : Number.NaN;
      });
      console.log(
        `${String(size).padStart(5)} ${stage.padEnd(7)} default ${wall("default").toFixed(0)} ms (main thread CPU ${cpu("default").toFixed(0)} ms)` +
          `  tuned ${wall("tuned").toFixed(0)} ms (CPU ${cpu("tuned").toFixed(0)} ms)  tuned/default ${median(ratios).toFixed(2)} ×` +
          `  [tuned min–max ${Math.min(...of("tuned").map((r) => r.line.stageMs)).toFixed(0)}–${Math.max(...of("tuned").map((r) => r.line.stageMs)).toFixed(0)} ms]`,
      );
    }
  }
  writeFileSync(resultsPath, JSON.stringify({ machine: machineInfo(), rounds, rows }, null, 2));
  console.log(`raw runs: ${resultsPath}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
