#!/usr/bin/env node
// One report stage in its own process, for the report benchmark (bench/report.ts):
//   node bench/report-stage.mjs analyze AUDIT.json ASSESSMENT.json
//   node bench/report-stage.mjs html ASSESSMENT.json REPORT.html
//   node bench/report-stage.mjs pdf REPORT.html REPORT.pdf [DEVICES]
//   node bench/report-stage.mjs report-pdf REPORT.html REPORT.pdf [DEVICES]
// `pdf` prints an HTML file once; `report-pdf` prints the report's HTML (from the html stage) as
// `sweetspot report` does after its analysis worker has exited: up to
// NUMBERED_CONTENTS_MAX_DEVICES devices a draft, its section pages read back, then the report
// with a numbered contents page; above, once.
// DEVICES (the audit's device count) decides tagging as `sweetspot report` does; without it the
// PDF is tagged.
// Prints one JSON line: the stage's own time (module loading and file reading excluded), the
// main thread's CPU time in it (Linux), the time to read its input, whether V8 was tuned as
// bin/sweetspot.js tunes it, and this process's peak RSS. Uses the built code (dist/).
// V8 is tuned first, as the CLI does, unless node was given its own --interrupt-budget
// (bench/tiering.mjs compares the two).
import { readFileSync, writeFileSync } from "node:fs";
import { tuneV8ForShortRuns } from "../dist/lib/v8-tuning.js";

const tuned = tuneV8ForShortRuns();
const { analyze } = await import("../dist/report/analyze/analyze.js");
const { DEFAULT_BRAND } = await import("../dist/report/brand/default-brand.js");
const { renderHtml } = await import("../dist/report/render/html.js");
const { renderPdf, TAGGED_PDF_MAX_DEVICES } = await import("../dist/report/render/pdf.js");
const { printReport } = await import("../dist/report/render/write-report.js");
const { Progress } = await import("../dist/lib/progress.js");

/** This thread's time on a CPU in ms (Linux), or undefined elsewhere. */
function mainThreadCpuMs() {
  try {
    return Number(readFileSync("/proc/thread-self/schedstat", "utf8").split(" ")[0]) / 1e6;
  } catch {
    return undefined;
  }
}

const [stage, input, output, devices] = process.argv.slice(2);
const t0 = performance.now();
const text = readFileSync(input, "utf8");
const data = stage.endsWith("pdf") ? text : JSON.parse(text);
const readMs = performance.now() - t0;
const tagged = devices === undefined || Number(devices) <= TAGGED_PDF_MAX_DEVICES;
const printOptions = {
  paper: DEFAULT_BRAND.paper,
  headerText: "IT assessment — bench",
  footerText: "bench",
  timeoutMs: 300_000,
  tagged,
};
let prints = 1;
const cpu0 = mainThreadCpuMs();
const t1 = performance.now();
let out;
if (stage === "analyze") out = JSON.stringify(analyze(data));
else if (stage === "html") out = renderHtml(data, DEFAULT_BRAND);
else if (stage === "pdf") out = (await renderPdf(data, printOptions)).pdf;
else if (stage === "report-pdf") {
  // sweetspot report's own print step (it writes the PDF itself).
  const { paper, headerText, footerText } = printOptions;
  const printable = { paper, headerText, footerText, html: data, devices: Number(devices ?? 0) };
  prints = (await printReport(printable, output, new Progress({ quiet: true }))).prints;
} else {
  console.error("stage must be analyze | html | pdf | report-pdf");
  process.exit(2);
}
const stageMs = performance.now() - t1;
const cpu1 = mainThreadCpuMs();
if (out !== undefined) writeFileSync(output, out);
console.log(
  JSON.stringify({
    stage,
    stageMs,
    mainCpuMs: cpu0 === undefined || cpu1 === undefined ? undefined : cpu1 - cpu0,
    readMs,
    tuned,
    ...(stage.endsWith("pdf") ? { prints } : {}),
    processMs: performance.now(),
    maxRssKb: process.resourceUsage().maxRSS,
  }),
);
