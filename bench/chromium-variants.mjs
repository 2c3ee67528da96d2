#!/usr/bin/env node
// Why the PDF stage costs what it does: prints one HTML file with puppeteer-core and the system
// Chromium the way report/render/pdf.ts does, then with one option changed at a time, and reports
// time and the Chromium tree's peak memory for each. Read-only experiment: it never touches
// report/render.   node bench/chromium-variants.mjs REPORT.html [rounds]
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer from "puppeteer-core";

const html = readFileSync(process.argv[2], "utf8");
const rounds = Number(process.argv[3] ?? 3);
const BASE_ARGS = [
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-gpu",
  "--no-sandbox",
];
const variants = {
  "as pdf.ts (outline+tagged)": { pdf: { outline: true, tagged: true }, args: [] },
  "no outline, no tagged": { pdf: { outline: false, tagged: false }, args: [] },
  "no outline, tagged": { pdf: { outline: false, tagged: true }, args: [] },
  "outline+tagged, lean flags": {
    pdf: { outline: true, tagged: true },
    args: [
      "--renderer-process-limit=1",
      "--disable-extensions",
      "--disable-dev-shm-usage",
      "--no-zygote",
      "--disable-features=Translate,OptimizationHints,MediaRouter,BackForwardCache",
    ],
  },
};

function treePss(root) {
  const kids = new Map();
  for (const e of readdirSync("/proc")) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const s = readFileSync(`/proc/${e}/stat`, "utf8");
      const ppid = Number(s.slice(s.lastIndexOf(")") + 2).split(" ")[1]);
      if (!kids.has(ppid)) kids.set(ppid, []);
      kids.get(ppid).push(Number(e));
    } catch {}
  }
  let pss = 0;
  let n = 0;
  const stack = [root];
  while (stack.length) {
    const p = stack.pop();
    n++;
    try {
      pss += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${p}/smaps_rollup`, "utf8"))?.[1] ?? 0);
    } catch {}
    stack.push(...(kids.get(p) ?? []));
  }
  return { pss, n };
}

for (let r = 1; r <= rounds; r++) {
  for (const [name, v] of Object.entries(variants)) {
    const profile = mkdtempSync(join(tmpdir(), "ssbench-chromium-"));
    const t0 = performance.now();
    const browser = await puppeteer.launch({
      executablePath: "/usr/bin/chromium",
      headless: true,
      pipe: true,
      args: [...BASE_ARGS, ...v.args, `--user-data-dir=${profile}`],
    });
    const launched = performance.now();
    let peak = 0;
    let procs = 0;
    const pid = browser.process()?.pid;
    const timer = setInterval(() => {
      const m = treePss(pid);
      peak = Math.max(peak, m.pss);
      procs = Math.max(procs, m.n);
    }, 100);
    try {
      const page = await browser.newPage();
      await page.setJavaScriptEnabled(false);
      await page.setContent(html, { waitUntil: "load" });
      const loaded = performance.now();
      const pdf = await page.pdf({
        format: "Letter",
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: "<span></span>",
        footerTemplate: '<span class="pageNumber"></span>',
        margin: { top: "20mm", bottom: "18mm", left: "16mm", right: "16mm" },
        ...v.pdf,
      });
      const printed = performance.now();
      console.log(
        JSON.stringify({
          round: r,
          variant: name,
          launchMs: Math.round(launched - t0),
          setContentMs: Math.round(loaded - launched),
          printMs: Math.round(printed - loaded),
          totalMs: Math.round(printed - t0),
          peakTreePssMb: Math.round(peak / 1024),
          processes: procs,
          bytes: pdf.length,
        }),
      );
    } finally {
      clearInterval(timer);
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }
}
