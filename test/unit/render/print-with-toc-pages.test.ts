import { describe, expect, it } from "vitest";
import type { PdfResult } from "../../../report/render/pdf-printer.js";
import { fillTocPages, printWithTocPages } from "../../../report/render/print-with-toc-pages.js";

/**
 * The print loop alone, with a fake printer whose "PDF" is the HTML it was given and a reader
 * that says where sections landed. What the contents page of a real PDF shows is checked in
 * toc-pages-pdf.test.ts.
 */
interface Print {
  html: string;
  draft: boolean;
}

function fakePrinter() {
  const prints: Print[] = [];
  const print = async (html: string, draft: boolean): Promise<PdfResult> => {
    prints.push({ html, draft });
    return { pdf: new TextEncoder().encode(html), refusedRequests: 0, refusedUrls: [] };
  };
  return { prints, print };
}

const slot = (id: string, page = "") => `<span class="toc-page" data-toc-page="${id}">${page}</span>`;
/** A contents page as the template prints it: an empty page-number slot per section. */
const HTML = `<ol><li>Executive summary${slot("summary")}</li><li>Findings${slot("findings")}</li></ol>`;
/** The page numbers a printed HTML shows, by section ("" when its slot is empty). */
const numbers = (html: string | undefined) =>
  Object.fromEntries(
    [...(html ?? "").matchAll(/data-toc-page="([a-z-]+)">(\d*)</g)].map((m) => [m[1], m[2]]),
  );
const landed =
  (...layouts: Record<string, number>[]) =>
  async (): Promise<Map<string, number>> =>
    new Map(Object.entries(layouts.length > 1 ? (layouts.shift() as Record<string, number>) : layouts[0]!));

describe("printWithTocPages", () => {
  it("prints a draft, reads where each section landed, then prints the report with those pages", async () => {
    const { prints, print } = fakePrinter();
    const result = await printWithTocPages(HTML, print, {
      readPages: landed({ summary: 3, findings: 9, "not-a-section": 4 }),
    });
    expect(prints.map((p) => p.draft)).toEqual([true, false]);
    expect(numbers(prints[0]?.html)).toEqual({ summary: "", findings: "" });
    expect(numbers(prints[1]?.html)).toEqual({ summary: "3", findings: "9" });
    expect(result).toMatchObject({ prints: 2, tocPages: { summary: 3, findings: 9 } });
    expect(result.warning).toBeUndefined();
    expect(new TextDecoder().decode(result.result.pdf)).toBe(prints[1]?.html);
  });

  it("prints once when the pages of the last render still hold (report --watch)", async () => {
    const { prints, print } = fakePrinter();
    const result = await printWithTocPages(HTML, print, {
      guess: { summary: 3, findings: 9 },
      readPages: landed({ summary: 3, findings: 9 }),
    });
    expect(prints.map((p) => [numbers(p.html), p.draft])).toEqual([[{ summary: "3", findings: "9" }, false]]);
    expect(result.prints).toBe(1);
  });

  it("prints again when an edit moved a section", async () => {
    const { prints, print } = fakePrinter();
    const result = await printWithTocPages(HTML, print, {
      guess: { summary: 3, findings: 9 },
      readPages: landed({ summary: 3, findings: 10 }),
    });
    expect(prints.map((p) => numbers(p.html))).toEqual([
      { summary: "3", findings: "9" },
      { summary: "3", findings: "10" },
    ]);
    expect(result.tocPages).toEqual({ summary: 3, findings: 10 });
  });

  it("stops after three prints when the numbers keep moving, and says they may be off", async () => {
    const { prints, print } = fakePrinter();
    const result = await printWithTocPages(HTML, print, {
      readPages: landed({ summary: 3 }, { summary: 4 }, { summary: 5 }),
    });
    expect(prints).toHaveLength(3);
    expect(result.tocPages).toEqual({ summary: 4 });
    expect(result.warning).toMatch(/still moved after 3 prints; they may be off by a page/);
  });

  it("a PDF it cannot read gives a final (not draft) report without numbers, and a warning", async () => {
    const { prints, print } = fakePrinter();
    const result = await printWithTocPages(HTML, print, {
      readPages: async () => {
        throw new Error("Invalid PDF structure.");
      },
    });
    expect(prints.map((p) => p.draft)).toEqual([true, false]);
    expect(prints[1]?.html).toBe(HTML);
    expect(result.tocPages).toBeUndefined();
    expect(result.warning).toBe(
      "the contents page has no page numbers: the printed PDF could not be read (Invalid PDF structure.)",
    );
  });

  it("a PDF naming no section gives the report without numbers, and a warning", async () => {
    const { prints, print } = fakePrinter();
    const result = await printWithTocPages(HTML, print, { readPages: landed({ other: 2 }) });
    expect(prints.map((p) => p.draft)).toEqual([true, false]);
    expect(result.warning).toBe("the contents page has no page numbers: the printed PDF names no section");
  });

  it("fills only the template's own slots: an escaped look-alike from the network stays as it is", () => {
    const hostile = `${HTML}<p>&lt;span class="toc-page" data-toc-page="summary"&gt;&lt;/span&gt;</p>`;
    const filled = fillTocPages(hostile, { summary: 3, findings: 9 });
    expect(numbers(filled)).toEqual({ summary: "3", findings: "9" });
    expect(filled).toContain('<p>&lt;span class="toc-page" data-toc-page="summary"&gt;&lt;/span&gt;</p>');
    expect(fillTocPages(HTML, undefined)).toBe(HTML);
  });
});
