import { PdfPrinter, type PdfResult, type PrinterOptions, type PrintOptions } from "./pdf-printer.js";

export type { PdfResult } from "./pdf-printer.js";

export interface PdfOptions extends PrinterOptions, PrintOptions {}

/**
 * Reports of up to this many devices are printed tagged, with bookmarks. Tagging costs in
 * proportion to the elements printed: with the one-line inventory it adds ≈ 0.5 s and ≈ 15 MB at
 * 1,000 devices (48 pages); with the old seven-cell inventory rows it made the print ≈ 70 %
 * slower and the file 9 × larger. Above it the PDF is untagged; the contents page still links to
 * every section.
 */
export const TAGGED_PDF_MAX_DEVICES = 1000;

/** Prints self-contained HTML to PDF with a Chromium started for this one document. */
export async function renderPdf(html: string, options: PdfOptions): Promise<PdfResult> {
  const printer = new PdfPrinter(options);
  try {
    return await printer.print(html, options);
  } finally {
    await printer.close();
  }
}
