/** Paper and margins shared by the print CSS (html.ts) and the PDF printer (pdf.ts). */
export type Paper = "Letter" | "A4";

export const PAGE_MARGIN_MM = { top: 20, right: 16, bottom: 18, left: 16 } as const;

const PAPER_HEIGHT_MM: Record<Paper, number> = { Letter: 279.4, A4: 297 };

/** Height of the printable area, for a cover that fills exactly one page. */
export function contentHeightMm(paper: Paper): number {
  // 2 mm of slack: Chromium rounds layout to device pixels and an overflow adds a blank page.
  return PAPER_HEIGHT_MM[paper] - PAGE_MARGIN_MM.top - PAGE_MARGIN_MM.bottom - 2;
}

export function pageCss(paper: Paper): string {
  const m = PAGE_MARGIN_MM;
  return `@page { size: ${paper}; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }`;
}
