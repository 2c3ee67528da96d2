import { basename, dirname, extname, join } from "node:path";
import { writeFileAtomic } from "../../lib/atomic-write.js";
import { FailError } from "../../lib/errors.js";
import type { Progress } from "../../lib/progress.js";
import type { Assessment } from "../../schema/assessment.js";
import type { Brand } from "../brand/brand-schema.js";
import type { Paper } from "./page-geometry.js";
import type { PdfOptions, PdfResult } from "./pdf.js";
import type { TocPages } from "./print-with-toc-pages.js";

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
 * Everything printing the PDF needs, and nothing more: plain data, so it can cross from the
 * worker that analysed the audit to the thread that prints (cli/commands/report-in-worker.ts).
 */
export interface PrintableReport {
  /** The report's HTML; its contents page has empty page-number slots. */
  html: string;
  devices: number;
  paper: Paper;
  headerText: string;
  footerText: string;
  /** Where --html wrote the HTML, if it did (else a failed print writes it beside the PDF). */
  htmlTarget?: string;
}

export interface WrittenDocuments {
  written: string[];
  htmlMs: number;
  /** Present when a PDF is to be printed. */
  printable?: PrintableReport;
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
  const documents = await writeDocuments(assessment, brand, targets, progress);
  if (!documents.printable || !targets.pdf) return { written: documents.written, htmlMs: documents.htmlMs };
  const printed = await printReport(documents.printable, targets.pdf, progress, deps);
  return { written: [...documents.written, targets.pdf], htmlMs: documents.htmlMs, ...printed };
}

/** The JSON, CSV and HTML outputs; and, when a PDF is asked for, what printing it needs. */
export async function writeDocuments(
  assessment: Assessment,
  brand: Brand,
  targets: ReportTargets,
  progress: Progress,
): Promise<WrittenDocuments> {
  const written: string[] = [];
  if (targets.json) {
    await writeFileAtomic(targets.json, `${JSON.stringify(assessment, null, 2)}\n`);
    written.push(targets.json);
  }
  if (targets.csv) {
    const { inventoryCsv } = await import("./csv-inventory.js");
    await writeFileAtomic(targets.csv, inventoryCsv(assessment));
    written.push(targets.csv);
  }
  if (!targets.html && !targets.pdf) return { written, htmlMs: 0 };

  progress.start("render", "HTML");
  const { renderHtml } = await import("./html.js");
  const started = performance.now();
  const html = renderHtml(assessment, brand);
  const htmlMs = performance.now() - started;
  if (targets.html) {
    await writeFileAtomic(targets.html, html);
    written.push(targets.html);
  }
  if (!targets.pdf) return { written, htmlMs };
  return {
    written,
    htmlMs,
    printable: {
      html,
      devices: assessment.devices.length,
      paper: brand.paper,
      headerText: `IT assessment — ${assessment.client.name}`,
      footerText: `${brand.company} · ${brand.footer}`,
      ...(targets.html ? { htmlTarget: targets.html } : {}),
    },
  };
}

/**
 * Prints the PDF and writes it atomically: up to NUMBERED_CONTENTS_MAX_DEVICES devices with the
 * contents page numbered (print-with-toc-pages.ts), above in one print. A failed print leaves
 * the HTML on disk and says where.
 */
export async function printReport(
  printable: PrintableReport,
  pdfPath: string,
  progress: Progress,
  deps: WriteReportDeps = {},
): Promise<{ pdfMs: number; pages?: number; refusedRequests: number; prints: number }> {
  progress.start("render", "PDF (Chromium)");
  const { TAGGED_PDF_MAX_DEVICES } = await import("./pdf.js");
  const { PdfPrinter } = await import("./pdf-printer.js");
  const { NUMBERED_CONTENTS_MAX_DEVICES, printWithTocPages } = await import("./print-with-toc-pages.js");
  // One Chromium for the draft and the final print: starting it is most of a short report's print.
  const printer = deps.printPdf ? undefined : new PdfPrinter();
  const printPdf = deps.printPdf ?? ((html: string, options: PdfOptions) => printer!.print(html, options));
  const tagged = printable.devices <= TAGGED_PDF_MAX_DEVICES;
  const printOptions = (draft: boolean): PdfOptions => ({
    paper: printable.paper,
    headerText: printable.headerText,
    footerText: printable.footerText,
    // Tagging does not move anything on the page: a draft printed for its page numbers skips it.
    tagged: tagged && !draft,
  });
  const started = performance.now();
  let result: PdfResult;
  let prints = 1;
  try {
    if (printable.devices > NUMBERED_CONTENTS_MAX_DEVICES) {
      result = await printPdf(printable.html, printOptions(false));
    } else {
      const printed = await printWithTocPages(
        printable.html,
        (html, draft) => printPdf(html, printOptions(draft)),
        {
          ...(deps.tocPagesMemo?.pages ? { guess: deps.tocPagesMemo.pages } : {}),
          ...(deps.readTocPages ? { readPages: deps.readTocPages } : {}),
        },
      );
      result = printed.result;
      prints = printed.prints;
      if (deps.tocPagesMemo) deps.tocPagesMemo.pages = printed.tocPages;
      if (printed.warning) progress.warn(printed.warning);
    }
  } catch (error) {
    const fallback = printable.htmlTarget ?? siblingHtml(pdfPath);
    if (!printable.htmlTarget) await writeFileAtomic(fallback, printable.html);
    const reason = error instanceof FailError ? error : new FailError(String(error));
    throw new FailError(`${reason.message} (the HTML report was written to ${fallback})`, reason.fix);
  } finally {
    await printer?.close();
  }
  const pdfMs = performance.now() - started;
  if (result.refusedRequests > 0) {
    progress.warn(
      `the report tried to load ${result.refusedRequests} external resource(s); all were refused`,
    );
  }
  await writeFileAtomic(pdfPath, result.pdf);
  const pages = countPages(result.pdf);
  return {
    pdfMs,
    prints,
    refusedRequests: result.refusedRequests,
    ...(pages === undefined ? {} : { pages }),
  };
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
