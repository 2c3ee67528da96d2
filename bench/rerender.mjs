#!/usr/bin/env node
// Re-rendering while the consultant edits answers: `sweetspot report --watch` against a fresh
// `sweetspot report` per edit, alternated (fresh, edit, fresh, edit …):
//
//   node bench/rerender.mjs AUDIT.json [--rounds 5] [--out bench/results/rerender-N.json]
//
// Each round runs one fresh `sweetspot report` (wall time of the whole process), then saves
// answers.yaml with a new head count and times the watching process from the save to its
// "rendered in" line; the stage times (analysis, HTML, PDF) are the ones that line prints.
// Uses the built CLI (bin/sweetspot.js → dist/). No network: the report stage only.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: "string", default: "5" }, out: { type: "string" } },
});
const audit = positionals[0];
if (!audit) {
  console.error("usage: node bench/rerender.mjs AUDIT.json [--rounds 5] [--out FILE]");
  process.exit(2);
}
const rounds = Number(values.rounds);
const cli = new URL("../bin/sweetspot.js", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "sweetspot-rerender-"));
const answers = join(dir, "answers.yaml");
writeFileSync(answers, "employees: 20\n");

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor((list.length - 1) / 2)];

function fresh() {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [cli, "report", audit, "--answers", answers, "--out", join(dir, "fresh.pdf"), "--no-history", "-q"],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    let err = "";
    child.stderr.on("data", (chunk) => {
      err += chunk;
    });
    child.on("exit", (code) =>
      code === 0 ? resolve(performance.now() - started) : reject(new Error(`fresh report failed: ${err}`)),
    );
  });
}

const watcher = spawn(
  process.execPath,
  [cli, "report", audit, "--answers", answers, "--out", join(dir, "watch.pdf"), "--no-history", "--watch"],
  { stdio: ["ignore", "ignore", "pipe"] },
);
const renderLines = [];
let waiting;
let buffer = "";
watcher.stderr.on("data", (chunk) => {
  buffer += chunk;
  let newline = buffer.indexOf("\n");
  while (newline >= 0) {
    const line = buffer.slice(0, newline);
    buffer = buffer.slice(newline + 1);
    if (/rendered in/.test(line)) {
      renderLines.push(line);
      waiting?.(line);
    } else if (/^!/.test(line)) console.error(line);
    newline = buffer.indexOf("\n");
  }
});
const nextRender = () =>
  new Promise((resolve) => {
    waiting = resolve;
  });

/** "analysis 43 ms" or "PDF 1.4 s" → milliseconds. */
const stageMs = (line, stage) => {
  const [, value, unit] = new RegExp(`${stage} ([\\d.]+) (ms|s)\\b`).exec(line) ?? [];
  return unit === "s" ? Number(value) * 1000 : Number(value);
};

try {
  await nextRender(); // the first render: Node and Chromium start, the audit is read
  const runs = [];
  for (let round = 1; round <= rounds; round++) {
    const freshMs = await fresh();
    const rendered = nextRender();
    const saved = performance.now();
    writeFileSync(answers, `employees: ${20 + round}\n`);
    const line = await rendered;
    const watchMs = performance.now() - saved;
    runs.push({
      round,
      freshMs: Math.round(freshMs),
      watchMs: Math.round(watchMs),
      analysisMs: Math.round(stageMs(line, "analysis")),
      htmlMs: Math.round(stageMs(line, "HTML")),
      pdfMs: Math.round(stageMs(line, "PDF")),
    });
    console.log(JSON.stringify(runs.at(-1)));
  }
  const summary = {
    audit,
    rounds,
    medianFreshMs: median(runs.map((r) => r.freshMs)),
    medianWatchMs: median(runs.map((r) => r.watchMs)),
    medianWatchAnalysisMs: median(runs.map((r) => r.analysisMs)),
    medianWatchHtmlMs: median(runs.map((r) => r.htmlMs)),
    medianWatchPdfMs: median(runs.map((r) => r.pdfMs)),
    runs,
  };
  summary.ratio = Math.round((summary.medianWatchMs / summary.medianFreshMs) * 100) / 100;
  console.log(
    `fresh report ${summary.medianFreshMs} ms · re-render in --watch ${summary.medianWatchMs} ms (analysis ${summary.medianWatchAnalysisMs}, HTML ${summary.medianWatchHtmlMs}, PDF ${summary.medianWatchPdfMs}) · ratio ${summary.ratio}`,
  );
  if (values.out) writeFileSync(values.out, `${JSON.stringify(summary, null, 2)}\n`);
} finally {
  watcher.kill("SIGINT");
  await new Promise((resolve) => watcher.on("exit", resolve));
  rmSync(dir, { recursive: true, force: true });
}
