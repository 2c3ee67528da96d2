import { dirname, extname, join, basename } from "node:path";
import { writeFileAtomic } from "../../lib/atomic-write.js";
import { FailError } from "../../lib/errors.js";
import type { Progress } from "../../lib/progress.js";
import type { Assessment } from "../../schema/assessment.js";
import type { Brand } from "../brand/brand-schema.js";
import { inventoryCsv } from "./csv-inventory.js";
import { renderHtml } from "./html.js";
import { type PdfOptions, type PdfResult, renderPdf, TAGGED_PDF_MAX_DEVICES } from "./pdf.js";
import { NUMBERED_CONTENTS_MAX_DEVICES, printWithTocPages, type TocPages } from "./print-with-toc-pages.js";

export interface ReportTargets {
  pdf?: string;
  html?: string;
  json?: string;
  csv?: string;
}

export interface WrittenReport {
  written: string[];
  htmlMs: number;
  pdfMs?: number;
  pages?: number;
  refusedRequests?: number;
}

export interface WriteReportDeps {
  printPdf?: (html: string, options: PdfOptions) => Promise<PdfResult>;
  /**
   * The contents page's section pages, kept between renders (report --watch): the next render
   * starts from them and prints once when they still hold. Updated after every print.
   */
  tocPagesMemo?: { pages?: TocPages };
  /** Reads section pages back from a printed PDF (tests; default: pdf.js). */
  readTocPages?: (pdf: Uint8Array) => Promise<Map<string, number>>;
}

/**
 * Writes every requested output atomically: JSON and CSV first, then HTML, then the PDF.
 * When printing fails the HTML is still on disk (beside the PDF if --html was not given),
 * and the error says where.
 */
export async function writeReport(
  assessment: Assessment,
  brand: Brand,
  targets: ReportTargets,
  progress: Progress,
  deps: WriteReportDeps = {},
): Promise<WrittenReport> {
  const written: string[] = [];
  if (targets.json) {
    await writeFileAtomic(targets.json, `${JSON.stringify(assessment, null, 2)}\n`);
    written.push(targets.json);
  }
  if (targets.csv) {
    await writeFileAtomic(targets.csv, inventoryCsv(assessment));
    written.push(targets.csv);
  }
  if (!targets.html && !targets.pdf) return { written, htmlMs: 0 };

  progress.start("render", "HTML");
  const started = performance.now();
  const html = renderHtml(assessment, brand);
  const htmlMs = performance.now() - started;
  if (targets.html) {
    await writeFileAtomic(targets.html, html);
    written.push(targets.html);
  }
  if (!targets.pdf) return { written, htmlMs };

  progress.start("render", "PDF (Chromium)");
  const pdfStarted = performance.now();
  let result: PdfResult;
  const printPdf = deps.printPdf ?? renderPdf;
  const tagged = assessment.devices.length <= TAGGED_PDF_MAX_DEVICES;
  const printOptions = (draft: boolean): PdfOptions => ({
    paper: brand.paper,
    headerText: `IT assessment — ${assessment.client.name}`,
    footerText: `${brand.company} · ${brand.footer}`,
    // Tagging does not move anything on the page: a draft printed for its page numbers skips it.
    tagged: tagged && !draft,
  });
  try {
    if (assessment.devices.length > NUMBERED_CONTENTS_MAX_DEVICES) {
      result = await printPdf(html, printOptions(false));
    } else {
      const printed = await printWithTocPages(
        (tocPages) => (tocPages ? renderHtml(assessment, brand, { tocPages }) : html),
        (page, draft) => printPdf(page, printOptions(draft)),
        {
          ...(deps.tocPagesMemo?.pages ? { guess: deps.tocPagesMemo.pages } : {}),
          ...(deps.readTocPages ? { readPages: deps.readTocPages } : {}),
        },
      );
      result = printed.result;
      if (deps.tocPagesMemo) deps.tocPagesMemo.pages = printed.tocPages;
      if (printed.warning) progress.warn(printed.warning);
    }
  } catch (error) {
    const fallback = targets.html ?? siblingHtml(targets.pdf);
    if (!targets.html) await writeFileAtomic(fallback, html);
    const reason = error instanceof FailError ? error : new FailError(String(error));
    throw new FailError(`${reason.message} (the HTML report was written to ${fallback})`, reason.fix);
  }
  const pdfMs = performance.now() - pdfStarted;
  if (result.refusedRequests > 0) {
    progress.warn(
      `the report tried to load ${result.refusedRequests} external resource(s); all were refused`,
    );
  }
  await writeFileAtomic(targets.pdf, result.pdf);
  written.push(targets.pdf);
  return { written, htmlMs, pdfMs, refusedRequests: result.refusedRequests, pages: countPages(result.pdf) };
}

function siblingHtml(pdfPath: string): string {
  const base = basename(pdfPath, extname(pdfPath));
  return join(dirname(pdfPath), `${base}.html`);
}

/** Page count from the PDF's page tree, for the summary line (no PDF library needed). */
function countPages(pdf: Uint8Array): number | undefined {
  const text = Buffer.from(pdf).toString("latin1");
  const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/g)].map((m) => Number(m[1]));
  return counts.length ? Math.max(...counts) : undefined;
}
