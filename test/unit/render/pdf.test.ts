import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_BRAND } from "../../../report/brand/default-brand.js";
import { renderHtml } from "../../../report/render/html.js";
import { renderPdf } from "../../../report/render/pdf.js";
import { handMadeAssessment, hostileAssessment } from "./fixtures.js";

// Slow (Chromium starts three times, ~2 s each): kept to the few checks only a real PDF can make.
const dir = mkdtempSync(join(tmpdir(), "sweetspot-pdf-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const options = {
  paper: "Letter" as const,
  headerText: "IT assessment",
  footerText: "Confidential",
  get profileParent() {
    return profileParent;
  },
};

function pdfText(pdf: Uint8Array, name: string): { text: string; pages: number; tagged: boolean } {
  const path = join(dir, name);
  writeFileSync(path, pdf);
  const info = execFileSync("pdfinfo", [path], { encoding: "utf8" });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const tagged = /^Tagged:\s+yes/m.test(info);
  const text = execFileSync("pdftotext", ["-layout", path, "-"], { encoding: "utf8" });
  return { text: text.replace(/\s+/g, " "), pages, tagged };
}

// Other test files print PDFs in parallel: this one's Chromium profiles live in its own folder.
const profileParent = mkdtempSync(join(tmpdir(), "sweetspot-pdf-profiles-"));
afterAll(() => rmSync(profileParent, { recursive: true, force: true }));
const chromiumsWithOurProfile = () =>
  readdirSync("/proc")
    .filter((pid) => /^\d+$/.test(pid))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(profileParent);
      } catch {
        return false;
      }
    });
const profilesLeft = () =>
  readdirSync(profileParent).filter((name) => name.startsWith("sweetspot-chromium-"));

describe("renderPdf", () => {
  it("refuses and counts a request an unescaped page would make (the probe this suite relies on)", async () => {
    const before = profilesLeft().length;
    const probe =
      '<!DOCTYPE html><html><body><p>probe</p><img src="http://127.0.0.1:9/leak.png"><link rel="stylesheet" href="http://127.0.0.1:9/x.css"></body></html>';
    const result = await renderPdf(probe, options);
    expect(result.refusedRequests).toBeGreaterThanOrEqual(1);
    expect(result.refusedUrls.some((url) => url.startsWith("http://127.0.0.1:9/"))).toBe(true);
    expect(profilesLeft().length).toBe(before);
  });

  it("prints the report: client, verdict, domain, firewall vendor and every finding title", async () => {
    const assessment = handMadeAssessment();
    const result = await renderPdf(renderHtml(assessment, DEFAULT_BRAND), options);
    expect(Buffer.from(result.pdf).subarray(0, 5).toString()).toBe("%PDF-");
    expect(result.refusedRequests).toBe(0);
    const { text, pages, tagged } = pdfText(result.pdf, "office.pdf");
    expect(tagged).toBe(true);
    expect(pages).toBeGreaterThanOrEqual(10);
    expect(pages).toBeLessThanOrEqual(24);
    for (const expected of [
      "Harbor & Pine Architects",
      "Sweet-spot client",
      "harborpine.local",
      "Fortinet",
      `Page 2 of ${pages}`,
    ]) {
      expect(text).toContain(expected);
    }
    for (const finding of assessment.findings) expect(text).toContain(finding.title);
  });

  it("prints untagged when asked (long reports): same text, no structure tree", async () => {
    const result = await renderPdf("<!DOCTYPE html><html><body><h2>Devices</h2><p>sw01</p></body></html>", {
      ...options,
      tagged: false,
    });
    const { text, tagged } = pdfText(result.pdf, "untagged.pdf");
    expect(tagged).toBe(false);
    expect(text).toContain("Devices sw01");
  });

  it("gives up after its time bound, kills Chromium and removes the profile", async () => {
    const before = profilesLeft().length;
    const error = await renderPdf("<p>x</p>", { ...options, timeoutMs: 30 }).catch((e: unknown) => e);
    expect(String((error as Error).message)).toMatch(
      /Chromium (did not finish printing within|could not print)/,
    );
    // Nothing left running that could recreate the profile after it was removed.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(profilesLeft().length).toBe(before);
    expect(chromiumsWithOurProfile()).toEqual([]);
  });

  it("prints hostile strings as text: nothing runs, nothing is requested", async () => {
    const result = await renderPdf(renderHtml(hostileAssessment(), DEFAULT_BRAND), options);
    expect(result.refusedUrls).toEqual([]);
    const { text } = pdfText(result.pdf, "hostile.pdf");
    expect(text).toContain("Hostile <script>document.title='pwned'</script> Client");
    expect(text).toContain('<img src=x onerror="alert(1)">');
    expect(text).toContain("{{constructor.constructor('alert(1)')()}}");
  });
});
