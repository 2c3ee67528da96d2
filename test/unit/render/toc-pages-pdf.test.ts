import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Progress } from "../../../lib/progress.js";
import { DEFAULT_BRAND } from "../../../report/brand/default-brand.js";
import { renderPdf } from "../../../report/render/pdf.js";
import { writeReport } from "../../../report/render/write-report.js";
import { SECTION_HEADINGS, handMadeAssessment } from "./fixtures.js";

// Real Chromium, real PDF: the contents page read as a reader reads it (pdftotext, page by page).
const dir = mkdtempSync(join(tmpdir(), "sweetspot-toc-test-"));
const profileParent = mkdtempSync(join(tmpdir(), "sweetspot-toc-profiles-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(profileParent, { recursive: true, force: true });
});

const pageText = (pdf: string, page: number) =>
  execFileSync("pdftotext", ["-f", String(page), "-l", String(page), "-layout", pdf, "-"], {
    encoding: "utf8",
  });

describe("the contents page of a printed report", () => {
  it("gives the page each section's heading is printed on", async () => {
    const pdf = join(dir, "report.pdf");
    const warnings: string[] = [];
    const progress = new Progress({ quiet: true });
    progress.warn = (message: string) => {
      warnings.push(message);
    };
    const result = await writeReport(handMadeAssessment(), DEFAULT_BRAND, { pdf }, progress, {
      printPdf: (html, options) => renderPdf(html, { ...options, profileParent }),
    });
    expect(warnings).toEqual([]);
    const pages = result.pages ?? 0;
    expect(pages).toBeGreaterThan(10);

    const contents = pageText(pdf, 2);
    expect(contents).toContain("Contents");
    const rows = [...contents.matchAll(/^\s*(\d+)\s+(\S.*?\S)\s{2,}(\d+)\s*$/gm)].map((m) => ({
      number: m[1]!,
      title: m[2]!,
      page: Number(m[3]),
    }));
    expect(rows.map((row) => row.title)).toEqual(SECTION_HEADINGS);
    const texts = Array.from({ length: pages }, (_, index) => pageText(pdf, index + 1));
    for (const row of rows) {
      // A section heading is its number and title alone on a line ("3      Servers").
      const heading = new RegExp(
        `^\\s*${row.number}\\s+${row.title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`,
        "m",
      );
      const printedOn = texts.flatMap((text, index) => (heading.test(text) ? [index + 1] : []));
      expect({ section: row.title, pages: printedOn }).toEqual({ section: row.title, pages: [row.page] });
    }
  });
});
