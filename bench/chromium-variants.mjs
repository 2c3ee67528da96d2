#!/usr/bin/env node
// Why the PDF stage costs what it does: prints one HTML file with puppeteer-core and the system
// Chromium the way report/render/pdf.ts does, then with one option changed at a time, and reports
// time and the Chromium tree's peak memory for each. Variants alternate within each round.
// Read-only experiment: it never touches report/render.
//   node bench/chromium-variants.mjs REPORT.html [rounds] [variant-name-filter-regex]
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer from "puppeteer-core";

const html = readFileSync(process.argv[2], "utf8");
const rounds = Number(process.argv[3] ?? 3);
const filter = new RegExp(process.argv[4] ?? ".");
// DESIGN.md's required flags, as pdf.ts had them before the lean set.
const BASE_ARGS = [
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-gpu",
  "--no-sandbox",
];
const LEAN = [
  "--renderer-process-limit=1",
  "--disable-extensions",
  "--disable-dev-shm-usage",
  "--no-zygote",
  "--disable-features=Translate,OptimizationHints,MediaRouter,BackForwardCache",
];
// As report/render/pdf.ts LEAN_FLAGS. Fewer processes and services: one renderer (the WebUI omnibox popup of new headless is a
// second one), the network service and the GPU process inside the browser process.
const LEANEST = [
  "--renderer-process-limit=1",
  "--disable-extensions",
  "--disable-dev-shm-usage",
  "--no-zygote",
  "--in-process-gpu",
  "--enable-features=NetworkServiceInProcess2",
  "--disable-features=Translate,OptimizationHints,MediaRouter,BackForwardCache,WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup",
];
const variants = {
  "tagged+outline, DESIGN.md flags, new tab (pdf.ts before)": {
    pdf: { outline: true, tagged: true },
    args: [],
    newTab: true,
  },
  "untagged, DESIGN.md flags, new tab": { pdf: { outline: false, tagged: false }, args: [], newTab: true },
  "tagged+outline, lean flags, new tab": { pdf: { outline: true, tagged: true }, args: LEAN, newTab: true },
  "tagged+outline, pdf.ts flags (<= 1,000 devices)": { pdf: { outline: true, tagged: true }, args: LEANEST },
  "untagged, pdf.ts flags (> 1,000 devices)": { pdf: { outline: false, tagged: false }, args: LEANEST },
  // Not used: the renderer would run unsandboxed inside the browser process.
  "untagged, pdf.ts flags + single-process": {
    pdf: { outline: false, tagged: false },
    args: [...LEANEST, "--single-process"],
  },
};
// outline: true alone produces the same tagged file as outline + tagged (Chromium builds the
// bookmarks from the tag tree), so "outline without tagging" is not a variant.

function treeMemory(root) {
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
  let anon = 0;
  let rss = 0;
  let n = 0;
  const stack = [root];
  while (stack.length) {
    const p = stack.pop();
    n++;
    try {
      const rollup = readFileSync(`/proc/${p}/smaps_rollup`, "utf8");
      pss += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      anon += Number(/^Pss_Anon:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      rss += Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    } catch {}
    stack.push(...(kids.get(p) ?? []));
  }
  return { pss, anon, rss, n };
}

for (let r = 1; r <= rounds; r++) {
  for (const [name, v] of Object.entries(variants)) {
    if (!filter.test(name)) continue;
    const profile = mkdtempSync(join(tmpdir(), "ssbench-chromium-"));
    const t0 = performance.now();
    const browser = await puppeteer.launch({
      executablePath: "/usr/bin/chromium",
      headless: true,
      pipe: true,
      args: [...BASE_ARGS, ...v.args, `--user-data-dir=${profile}`],
    });
    const launched = performance.now();
    const peak = { pss: 0, anon: 0, rss: 0, n: 0 };
    const pid = browser.process()?.pid;
    // Chromium only: node (this harness) is not in the tree rooted at the browser.
    const timer = setInterval(() => {
      const m = treeMemory(pid);
      peak.pss = Math.max(peak.pss, m.pss);
      peak.anon = Math.max(peak.anon, m.anon);
      peak.rss = Math.max(peak.rss, m.rss);
      peak.n = Math.max(peak.n, m.n);
    }, 100);
    try {
      // The tab Chromium opens at start: a second tab would cost a second renderer.
      const page = v.newTab
        ? await browser.newPage()
        : ((await browser.pages())[0] ?? (await browser.newPage()));
      await page.setJavaScriptEnabled(false);
      await page.setRequestInterception(true);
      page.on("request", (request) => {
        if (request.url().startsWith("data:")) void request.continue();
        else void request.abort("blockedbyclient");
      });
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
          peakChromiumPssMb: Math.round(peak.pss / 1024),
          // PSS minus the pages mapped from Chromium's own files (binary, .pak): its private memory.
          peakChromiumAnonPssMb: Math.round(peak.anon / 1024),
          peakChromiumRssMb: Math.round(peak.rss / 1024),
          processes: peak.n,
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
