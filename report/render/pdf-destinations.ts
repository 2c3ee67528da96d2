/**
 * The page (1-based) of every named destination in a PDF. Chromium names one destination per
 * element id a link points at (`<a href="#findings">`), so the contents page's targets are all
 * here. Read with pdf.js (unpdf's build of it, which needs no canvas add-on): the PDF is only
 * parsed, never rendered, and nothing is fetched.
 */
export async function destinationPages(pdf: Uint8Array): Promise<Map<string, number>> {
  // Loaded here, not at start-up: only reports whose contents page is numbered need it (≈ 20 MB).
  const { getDocumentProxy } = await import("unpdf");
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const document = await getDocumentProxy(new Uint8Array(pdf), {
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: true,
    verbosity: 0,
  });
  try {
    const destinations = await document.getDestinations();
    const pages = new Map<string, number>();
    for (const [name, destination] of Object.entries(destinations)) {
      const target = destination?.[0];
      if (target && typeof target === "object" && "num" in target) {
        pages.set(name, (await document.getPageIndex(target)) + 1);
      } else if (typeof target === "number") {
        pages.set(name, target + 1);
      }
    }
    return pages;
  } finally {
    await document.destroy();
  }
}
