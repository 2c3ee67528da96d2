import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FailError } from "../../../lib/errors.js";
import { CHROMIUM_INSTALL_HINT } from "../../../lib/find-chromium.js";
import { Progress } from "../../../lib/progress.js";
import { DEFAULT_BRAND } from "../../../report/brand/default-brand.js";
import { NUMBERED_CONTENTS_MAX_DEVICES } from "../../../report/render/print-with-toc-pages.js";
import { writeReport } from "../../../report/render/write-report.js";
import { handMadeAssessment } from "./fixtures.js";

const quiet = new Progress({ quiet: true });
const made: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "sweetspot-write-"));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe("writeReport", () => {
  it("writes JSON, CSV, HTML and the PDF it is given", async () => {
    const dir = tempDir();
    const t = {
      pdf: join(dir, "r.pdf"),
      html: join(dir, "r.html"),
      json: join(dir, "r.json"),
      csv: join(dir, "r.csv"),
    };
    const result = await writeReport(handMadeAssessment(), DEFAULT_BRAND, t, quiet, {
      printPdf: async () => ({
        pdf: Buffer.from("%PDF-1.4 /Type /Pages /Count 3 >>"),
        refusedRequests: 0,
        refusedUrls: [],
      }),
    });
    expect(result.written).toEqual([t.json, t.csv, t.html, t.pdf]);
    expect(result.pages).toBe(3);
    expect(JSON.parse(readFileSync(t.json, "utf8")).client.name).toBe("Harbor & Pine Architects");
    expect(readFileSync(t.html, "utf8")).toContain("<!DOCTYPE html>");
  });

  it("without Chromium still writes the HTML beside the PDF and says where", async () => {
    const dir = tempDir();
    const pdf = join(dir, "client.pdf");
    const error = await writeReport(handMadeAssessment(), DEFAULT_BRAND, { pdf }, quiet, {
      printPdf: async () => {
        throw new FailError("Chromium not found: the PDF cannot be printed", CHROMIUM_INSTALL_HINT);
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FailError);
    expect((error as FailError).line).toBe(
      `Chromium not found: the PDF cannot be printed (the HTML report was written to ${join(dir, "client.html")}) — ${CHROMIUM_INSTALL_HINT}`,
    );
    expect(existsSync(join(dir, "client.html"))).toBe(true);
    expect(existsSync(pdf)).toBe(false);
  });

  it("numbers the contents page from a draft print; a report over the limit prints once, unnumbered", async () => {
    const dir = tempDir();
    const printed: { html: string; tagged: boolean | undefined }[] = [];
    const printPdf = async (html: string, options: { tagged?: boolean }) => {
      printed.push({ html, tagged: options.tagged });
      return { pdf: Buffer.from("%PDF-1.4 /Type /Pages /Count 3 >>"), refusedRequests: 0, refusedUrls: [] };
    };
    const readTocPages = async () => new Map([["summary", 3]]);
    const small = handMadeAssessment();
    await writeReport(small, DEFAULT_BRAND, { pdf: join(dir, "small.pdf") }, quiet, {
      printPdf,
      readTocPages,
    });
    expect(printed.map((p) => p.tagged)).toEqual([false, true]);
    expect(printed[0]?.html).toContain('<span class="toc-page" data-toc-page="summary"></span>');
    expect(printed[1]?.html).toContain('<span class="toc-page" data-toc-page="summary">3</span>');

    printed.length = 0;
    const template = small.devices[0]!;
    const large = {
      ...small,
      devices: Array.from({ length: NUMBERED_CONTENTS_MAX_DEVICES + 1 }, (_, i) => ({
        ...template,
        ip: `10.9.${Math.floor(i / 250)}.${(i % 250) + 1}`,
      })),
    };
    await writeReport(large, DEFAULT_BRAND, { pdf: join(dir, "large.pdf") }, quiet, {
      printPdf,
      readTocPages,
    });
    expect(printed).toHaveLength(1);
    expect(printed[0]?.tagged).toBe(true);
    expect(printed[0]?.html).toContain('<span class="toc-page" data-toc-page="summary"></span>');
  });
});
