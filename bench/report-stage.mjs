#!/usr/bin/env node
// One report stage in its own process, for the report benchmark (bench/report.ts):
//   node bench/report-stage.mjs analyze AUDIT.json ASSESSMENT.json
//   node bench/report-stage.mjs html ASSESSMENT.json REPORT.html
//   node bench/report-stage.mjs pdf REPORT.html REPORT.pdf [DEVICES]
// DEVICES (the audit's device count) decides tagging as `sweetspot report` does; without it the
// PDF is tagged, as for a normal-sized report.
// Prints one JSON line: the stage's own time (module loading and file reading excluded), the
// time to read its input, and this process's peak RSS. Uses the built code (dist/).
import { readFileSync, writeFileSync } from "node:fs";
import { analyze } from "../dist/report/analyze/analyze.js";
import { DEFAULT_BRAND } from "../dist/report/brand/default-brand.js";
import { renderHtml } from "../dist/report/render/html.js";
import { renderPdf, TAGGED_PDF_MAX_DEVICES } from "../dist/report/render/pdf.js";

const [stage, input, output, devices] = process.argv.slice(2);
const t0 = performance.now();
const text = readFileSync(input, "utf8");
const data = stage === "pdf" ? text : JSON.parse(text);
const readMs = performance.now() - t0;
const t1 = performance.now();
let out;
if (stage === "analyze") out = JSON.stringify(analyze(data));
else if (stage === "html") out = renderHtml(data, DEFAULT_BRAND);
else if (stage === "pdf")
  out = (
    await renderPdf(data, {
      paper: DEFAULT_BRAND.paper,
      headerText: "IT assessment — bench",
      footerText: "bench",
      timeoutMs: 300_000,
      tagged: devices === undefined || Number(devices) <= TAGGED_PDF_MAX_DEVICES,
    })
  ).pdf;
else {
  console.error("stage must be analyze | html | pdf");
  process.exit(2);
}
const stageMs = performance.now() - t1;
writeFileSync(output, out);
console.log(
  JSON.stringify({
    stage,
    stageMs,
    readMs,
    processMs: performance.now(),
    maxRssKb: process.resourceUsage().maxRSS,
  }),
);
