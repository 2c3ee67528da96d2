#!/usr/bin/env node
// Analyses the same Audit file several times in one process, parsing it anew each time (so no
// per-host memo carries over): shows how much of a fresh process's analysis is V8 warming up.
//   node bench/analysis-warm.mjs AUDIT.json [times]
// Prints each analysis's time in ms (analyze() plus JSON.stringify of the Assessment). Uses dist/.
import { readFileSync } from "node:fs";
import { analyze } from "../dist/report/analyze/analyze.js";

const [input, times = "4"] = process.argv.slice(2);
if (!input) {
  console.error("usage: node bench/analysis-warm.mjs AUDIT.json [times]");
  process.exit(2);
}
const text = readFileSync(input, "utf8");
const timings = [];
for (let round = 0; round < Number(times); round++) {
  const audit = JSON.parse(text);
  const started = performance.now();
  JSON.stringify(analyze(audit));
  timings.push(Math.round(performance.now() - started));
}
console.log(timings.join(" "));
