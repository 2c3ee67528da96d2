import { describeError } from "../../lib/errors.js";
import { destinationPages } from "./pdf-destinations.js";
import type { PdfResult } from "./pdf-printer.js";
import { TOC_SECTIONS } from "./view-model.js";

export type TocPages = Readonly<Record<string, number>>;

export interface TocPrint {
  result: PdfResult;
  /** The section pages the contents page shows; undefined when it shows none. */
  tocPages?: TocPages;
  /** How many times the document was printed. */
  prints: number;
  /** Why the contents page has no page numbers, or why they may be off. */
  warning?: string;
}

export interface TocPrintOptions {
  /** Pages from an earlier render of the same report (report --watch): one print when still right. */
  guess?: TocPages;
  /** Reads the section pages of a printed PDF (default: its named destinations, via pdf.js). */
  readPages?: (pdf: Uint8Array) => Promise<Map<string, number>>;
}

/**
 * Reports of up to this many devices get page numbers on their contents page. The numbering
 * print and the page reader cost a 1,000-device report 0.8 s (2.2 s instead of 1.4 s) and put
 * a whole `sweetspot report` run at 507 MB instead of 488 MB, over the 500 MB budget
 * (BENCHMARKS.md, memory). Larger reports keep the contents page's links and the PDF's bookmarks.
 */
export const NUMBERED_CONTENTS_MAX_DEVICES = 500;

/** Prints after which numbers that still move are printed as they are, with a warning. */
const MAX_PRINTS = 3;

/** The contents page's empty page-number slots (templates/partials/toc.hbs), by section id. */
const TOC_PAGE_SLOT = /<span class="toc-page" data-toc-page="([a-z0-9-]+)"><\/span>/g;

/**
 * The report's HTML with its contents page numbered. Only the template's own slots are filled:
 * text from the network is escaped, so it can never contain a `<span` to be mistaken for one.
 */
export function fillTocPages(html: string, pages: TocPages | undefined): string {
  if (!pages) return html;
  return html.replace(TOC_PAGE_SLOT, (slot, id: string) => {
    const page = pages[id];
    return page === undefined ? slot : `<span class="toc-page" data-toc-page="${id}">${page}</span>`;
  });
}

/**
 * Prints the report so that its contents page gives the page each section starts on. Chromium
 * cannot number pages it has not laid out (no CSS target-counter), so the report is printed,
 * the pages read back from the PDF's named destinations, and printed again with them. The
 * numbers fill slots already on the contents rows' own line, so the second print lays out like
 * the first; it is checked, and printed once more if a page moved. The first print is a draft
 * (`draft`: the caller may skip tagging, which does not change the layout) unless a guess is given.
 */
export async function printWithTocPages(
  html: string,
  print: (html: string, draft: boolean) => Promise<PdfResult>,
  options: TocPrintOptions = {},
): Promise<TocPrint> {
  const readPages = options.readPages ?? destinationPages;
  let printed: TocPages | undefined = options.guess;
  let prints = 0;
  // What was printed is a draft or carries numbers nobody could check: print the report as it is.
  const withoutNumbers = async (warning: string): Promise<TocPrint> => ({
    result: await print(html, false),
    prints: prints + 1,
    warning: `the contents page has no page numbers: ${warning}`,
  });
  for (;;) {
    const draft = printed === undefined && prints === 0;
    const result = await print(fillTocPages(html, printed), draft);
    prints++;
    let actual: TocPages;
    try {
      actual = sectionPages(await readPages(result.pdf));
    } catch (error) {
      return withoutNumbers(`the printed PDF could not be read (${describeError(error)})`);
    }
    if (Object.keys(actual).length === 0) return withoutNumbers("the printed PDF names no section");
    if (printed && samePages(printed, actual)) return { result, tocPages: actual, prints };
    if (prints >= MAX_PRINTS && printed) {
      return {
        result,
        tocPages: printed,
        prints,
        warning: `the contents page's page numbers still moved after ${MAX_PRINTS} prints; they may be off by a page`,
      };
    }
    printed = actual;
  }
}

const SECTION_IDS = TOC_SECTIONS.map(([id]) => id);

/** The pages of the report's sections among a PDF's destinations. */
function sectionPages(destinations: Map<string, number>): TocPages {
  const pages: Record<string, number> = {};
  for (const id of SECTION_IDS) {
    const page = destinations.get(id);
    if (page !== undefined) pages[id] = page;
  }
  return pages;
}

function samePages(a: TocPages, b: TocPages): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
