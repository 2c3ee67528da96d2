import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { FailError } from "../../lib/errors.js";
import { CHROMIUM_INSTALL_HINT, findChromium } from "../../lib/find-chromium.js";
import { childPids, killChromiumLeftovers } from "./kill-by-profile.js";
import { PAGE_MARGIN_MM, type Paper } from "./page-geometry.js";
import { safeText, xmlEscape } from "./safe-text.js";

export interface PrinterOptions {
  /** Bound on starting Chromium and on each print: Chromium is killed when it is exceeded. */
  timeoutMs?: number;
  /** Overrides findChromium() (tests). */
  executablePath?: string;
  /** Folder the temporary Chromium profile is made in (default: the OS temp folder). */
  profileParent?: string;
  /**
   * false: the caller stops on Ctrl-C/SIGTERM and closes the printer itself (report --watch).
   * Default true: puppeteer closes Chromium and exits on those signals.
   */
  closeOnSignals?: boolean;
}

export interface PrintOptions {
  paper: Paper;
  /** Left of every page header, e.g. "IT assessment — Harbor & Pine". */
  headerText: string;
  /** Left of every page footer, e.g. the brand's footer line. */
  footerText: string;
  /**
   * Tagged PDF (screen readers) with bookmarks from the headings (default true). Tagging builds
   * Chromium's accessibility tree for the whole document, which long reports pay for in print
   * time, memory and file size (see TAGGED_PDF_MAX_DEVICES in pdf.ts).
   */
  tagged?: boolean;
}

export interface PdfResult {
  pdf: Uint8Array;
  /** Requests the page tried to make and we refused (anything not data:). 0 for a clean report. */
  refusedRequests: number;
  refusedUrls: string[];
}

/**
 * Flags beyond DESIGN.md's required set: one renderer, no zygote, the network service and the
 * GPU (software) work inside the browser process, and none of the browser features a print job
 * does not use (the WebUI omnibox popup of new headless is a renderer of its own). While printing,
 * 10 processes become 4 (browser, renderer, storage, print compositor); a one-line page costs
 * ≈ 290 MB PSS instead of ≈ 380 MB.
 */
const LEAN_FLAGS = [
  "--renderer-process-limit=1",
  "--no-zygote",
  "--in-process-gpu",
  "--disable-extensions",
  "--disable-dev-shm-usage",
  "--enable-features=NetworkServiceInProcess2",
  "--disable-features=Translate,OptimizationHints,MediaRouter,BackForwardCache,WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup",
];

const DEFAULT_TIMEOUT_MS = 90_000;

/**
 * One headless Chromium that prints self-contained HTML to PDF, as many times as asked: a
 * one-off report opens it, prints once and closes it; `report --watch` keeps it between renders
 * and saves the browser start on every re-render. The only place that starts a browser.
 * JavaScript is off and every request except data: is refused and counted, so nothing in the
 * report (however hostile the scanned strings) can run or reach the network.
 */
export class PdfPrinter {
  readonly #timeoutMs: number;
  readonly #options: PrinterOptions;
  #profile: string | undefined;
  #childrenBefore: Set<number> | undefined;
  #launching: Promise<Browser> | undefined;
  #browser: Browser | undefined;
  #page: Page | undefined;
  #refusedUrls: string[] = [];
  #launches = 0;

  constructor(options: PrinterOptions = {}) {
    this.#options = options;
    this.#timeoutMs = options.timeoutMs ?? pdfTimeoutFromEnv() ?? DEFAULT_TIMEOUT_MS;
  }

  /** How many times Chromium was started (once for any number of prints, unless it failed). */
  get launches(): number {
    return this.#launches;
  }

  /** Prints one document; starts Chromium first if it is not running (or was lost). */
  async print(html: string, options: PrintOptions): Promise<PdfResult> {
    const timeoutMs = this.#timeoutMs;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.#browser?.process()?.kill("SIGKILL");
        reject(
          new FailError(
            `Chromium did not finish printing within ${Math.round(timeoutMs / 1000)} s`,
            "open the HTML in a browser and print it, or retry",
          ),
        );
      }, timeoutMs);
    });
    try {
      return await Promise.race([this.#printOnce(html, options), timeout]);
    } catch (error) {
      // A browser that failed or timed out is not trusted with the next document.
      await this.close();
      if (error instanceof FailError) throw error;
      throw new FailError(
        `Chromium could not print the PDF: ${safeText((error as Error).message, 160)}`,
        `check Chromium with \`sweetspot doctor\`; ${CHROMIUM_INSTALL_HINT}`,
      );
    } finally {
      clearTimeout(timer);
    }
  }

  /** Closes Chromium, kills anything it left behind and removes its profile. Safe to call twice. */
  async close(): Promise<void> {
    const profile = this.#profile;
    const childrenBefore = this.#childrenBefore;
    const launching = this.#launching;
    const browser = this.#browser;
    this.#profile = undefined;
    this.#childrenBefore = undefined;
    this.#launching = undefined;
    this.#browser = undefined;
    this.#page = undefined;
    // A timeout can fire while Chromium is still starting: give the launch a moment to settle so
    // the browser is closed properly; a Chromium that hangs is killed by its profile folder, so
    // nothing recreates the profile after it is removed and nothing keeps the CLI alive.
    await closeQuietly(browser ?? (await settleWithin(launching, 3000)));
    if (profile) {
      await killChromiumLeftovers(profile, childrenBefore ?? new Set());
      await rm(profile, { recursive: true, force: true }).catch(() => undefined);
    }
  }

  async #printOnce(html: string, options: PrintOptions): Promise<PdfResult> {
    const page = await this.#openPage();
    const timeoutMs = this.#timeoutMs;
    const tagged = options.tagged ?? true;
    this.#refusedUrls = [];
    await page.setContent(html, { waitUntil: "load", timeout: timeoutMs });
    const pdf = await page.pdf({
      format: options.paper,
      printBackground: true,
      // Bookmarks from the h2/h3 headings: the reader's sidebar becomes a clickable contents.
      // Chromium builds them from the tagged structure, so they come and go with tagging.
      outline: tagged,
      tagged,
      displayHeaderFooter: true,
      headerTemplate: headerTemplate(options.headerText),
      footerTemplate: footerTemplate(options.footerText),
      margin: {
        top: `${PAGE_MARGIN_MM.top}mm`,
        right: `${PAGE_MARGIN_MM.right}mm`,
        bottom: `${PAGE_MARGIN_MM.bottom}mm`,
        left: `${PAGE_MARGIN_MM.left}mm`,
      },
      timeout: timeoutMs,
    });
    const refusedUrls = this.#refusedUrls;
    await releaseDocument(page);
    return { pdf, refusedRequests: refusedUrls.length, refusedUrls };
  }

  async #openPage(): Promise<Page> {
    if (this.#page && this.#browser?.connected) return this.#page;
    if (this.#browser || this.#launching) await this.close();
    const executablePath = this.#options.executablePath ?? findChromium().path;
    if (!executablePath)
      throw new FailError("Chromium not found: the PDF cannot be printed", CHROMIUM_INSTALL_HINT);
    const timeoutMs = this.#timeoutMs;
    const profile = await mkdtemp(join(this.#options.profileParent ?? tmpdir(), "sweetspot-chromium-"));
    this.#profile = profile;
    this.#childrenBefore = await childPids();
    this.#launches += 1;
    this.#launching = puppeteer.launch({
      executablePath,
      headless: true,
      pipe: true,
      timeout: timeoutMs,
      protocolTimeout: timeoutMs,
      handleSIGINT: this.#options.closeOnSignals ?? true,
      handleSIGTERM: this.#options.closeOnSignals ?? true,
      handleSIGHUP: this.#options.closeOnSignals ?? true,
      args: [
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-gpu",
        ...LEAN_FLAGS,
        `--user-data-dir=${profile}`,
        ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
      ],
    });
    const browser = await this.#launching;
    this.#browser = browser;
    // The tab Chromium opens at start: a new one would cost a second renderer process.
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on("request", (request) => {
      const url = request.url();
      if (url.startsWith("data:")) {
        void request.continue();
        return;
      }
      this.#refusedUrls.push(url.slice(0, 200));
      void request.abort("blockedbyclient");
    });
    page.setDefaultTimeout(timeoutMs);
    this.#page = page;
    return page;
  }
}

// --- internal ---

/**
 * Drops the printed document and collects its garbage now. Blink frees a replaced document only
 * at its next garbage collection, which a renderer with JavaScript off may not reach before the
 * next print lays out: the next document (the report's final print, a --watch re-render) would
 * then be laid out beside the old one (+47 MB at 1,000 devices).
 */
async function releaseDocument(page: Page): Promise<void> {
  await page.setContent("<!DOCTYPE html><title></title>", { waitUntil: "load" });
  const session = await page.createCDPSession();
  try {
    await session.send("HeapProfiler.collectGarbage");
  } finally {
    await session.detach().catch(() => undefined);
  }
}

/** SWEETSPOT_PDF_TIMEOUT (seconds) bounds printing on slow machines or in tests. */
function pdfTimeoutFromEnv(): number | undefined {
  const seconds = Number(process.env.SWEETSPOT_PDF_TIMEOUT);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

async function settleWithin<T>(promise: Promise<T> | undefined, ms: number): Promise<T | undefined> {
  if (!promise) return undefined;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise.catch(() => undefined), late]);
  } finally {
    clearTimeout(timer);
  }
}

async function closeQuietly(browser: Browser | undefined): Promise<void> {
  if (!browser) return;
  let timer: NodeJS.Timeout | undefined;
  const killed = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      browser.process()?.kill("SIGKILL");
      resolve();
    }, 5000);
  });
  await Promise.race([browser.close().catch(() => undefined), killed]);
  // A pending timer would keep the CLI alive for 5 s after the PDF is written.
  clearTimeout(timer);
}

// Header and footer are printed by Chromium outside the page: inline styles only, text escaped.
const BAR =
  "width:100%;font-family:'Liberation Sans','Noto Sans',Arial,sans-serif;font-size:7.5pt;color:#6a7684;display:flex;justify-content:space-between";

function headerTemplate(text: string): string {
  return `<div style="${BAR};padding:0 ${PAGE_MARGIN_MM.left}mm;margin-top:6mm"><span>${xmlEscape(safeText(text, 120))}</span><span></span></div>`;
}

function footerTemplate(text: string): string {
  return `<div style="${BAR};padding:0 ${PAGE_MARGIN_MM.left}mm;margin-bottom:5mm"><span>${xmlEscape(safeText(text, 140))}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
}
