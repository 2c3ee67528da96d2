import { type FSWatcher, watch } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { describeError } from "../../lib/errors.js";
import { Progress } from "../../lib/progress.js";
import { readAuditFile } from "../../lib/read-document.js";
import type { Audit } from "../../schema/audit.js";
import { PdfPrinter } from "../../report/render/pdf-printer.js";
import type { ReportTargets } from "../../report/render/write-report.js";
import type { ReportFlags } from "./report.js";
import { type ReportDeps, reportFromAudit } from "./report-run.js";
import { verdictLine } from "./report-summary.js";

const STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/** Saves come in bursts (editors write a temporary file, then rename it): wait for quiet. */
const SETTLE_MS = 150;

export interface WatchOptions {
  auditPath: string;
  audit: Audit;
  flags: ReportFlags;
  targets: ReportTargets;
  /** Where the watch prints its lines (the command's progress). */
  progress: Progress;
  /** Stops watching (tests); Ctrl-C and SIGTERM stop it too. */
  signal?: AbortSignal;
  /** Called after each render, successful or not (tests). */
  onRender?: (outcome: RenderOutcome) => void;
  deps?: ReportDeps;
  /** The Chromium every render prints with (tests); closed when the watch stops. */
  printer?: PdfPrinter;
}

export type RenderOutcome =
  | { ok: true; changed: string[]; result: Awaited<ReturnType<typeof reportFromAudit>>; totalMs: number }
  | { ok: false; changed: string[]; error: string };

/**
 * `report --watch`: renders, then re-renders whenever the audit, answers, brand or pricing file is
 * saved, until Ctrl-C. One process and one Chromium serve every render, so a re-render costs the
 * analysis and the print, not Node's and Chromium's start; the audit is read again only when it
 * changed. A file saved half-way or with a mistake prints its one-line error and the last good
 * report stays on disk; the next save is tried again.
 */
export async function watchReport(options: WatchOptions): Promise<void> {
  const { auditPath, flags, targets, progress } = options;
  const printer = options.printer ?? new PdfPrinter({ closeOnSignals: false });
  const deps: ReportDeps = {
    printPdf: (html, print) => printer.print(html, print),
    // The contents page's numbers of the last render: a save that moves no section prints once.
    tocPagesMemo: {},
    ...options.deps,
  };
  let audit = options.audit;
  const watched = watchedFiles(auditPath, flags);

  const render = async (changed: string[]): Promise<void> => {
    const started = performance.now();
    try {
      if (changed.includes(resolve(auditPath))) {
        const read = await readAuditFile(auditPath);
        for (const warning of read.warnings) progress.warn(`${auditPath}: ${warning}`);
        audit = read.audit;
      }
      // Inside a render only warnings print: the watch prints one line per render.
      const result = await reportFromAudit(audit, flags, targets, new Progress({ quiet: true }), deps);
      const totalMs = performance.now() - started;
      progress.result(renderLine(changed, result, totalMs));
      options.onRender?.({ ok: true, changed, result, totalMs });
    } catch (error) {
      const message = describeError(error);
      progress.warn(`${clock()} ${message} (the last good report is kept; save again to retry)`);
      options.onRender?.({ ok: false, changed, error: message });
    }
  };

  let stop = () => {};
  const stopped = new Promise<void>((resolveStop) => {
    stop = resolveStop;
  });
  if (options.signal?.aborted) stop();
  options.signal?.addEventListener("abort", stop, { once: true });
  for (const signal of STOP_SIGNALS) process.on(signal, stop);

  let pending = new Set<string>();
  let settle: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const schedule = (path: string) => {
    pending.add(path);
    clearTimeout(settle);
    settle = setTimeout(() => {
      running = running.then(() => {
        if (pending.size === 0) return;
        const changed = [...pending];
        pending = new Set();
        return render(changed);
      });
    }, SETTLE_MS);
  };
  // Watching starts before the first render: a save made while it runs is not missed.
  const watchers = watchDirectories(watched, schedule, (message) => progress.warn(message));
  running = render([]).then(() =>
    progress.info(
      `watching ${watched.map((path) => basename(path)).join(", ")}: save one to re-render; Ctrl-C to stop`,
    ),
  );

  try {
    await stopped;
  } finally {
    clearTimeout(settle);
    for (const watcher of watchers) watcher.close();
    // A render under way finishes (its files are written whole) before Chromium is closed.
    await running;
    await printer.close();
    for (const signal of STOP_SIGNALS) process.off(signal, stop);
    options.signal?.removeEventListener("abort", stop);
  }
  progress.info("stopped watching");
}

/** The files a render reads: the audit, and the answers, brand and pricing files given. */
export function watchedFiles(auditPath: string, flags: ReportFlags): string[] {
  return [auditPath, flags.answers, flags.brand, flags.pricing]
    .filter((path): path is string => Boolean(path))
    .map((path) => resolve(path));
}

/**
 * Watches the folders, not the files: an editor that saves by writing a new file and renaming it
 * over the old one would leave a file watch looking at a file that no longer exists.
 */
function watchDirectories(
  files: string[],
  onChange: (file: string) => void,
  onError: (message: string) => void,
): FSWatcher[] {
  const byDirectory = new Map<string, Set<string>>();
  for (const file of files) {
    const names = byDirectory.get(dirname(file)) ?? new Set<string>();
    names.add(basename(file));
    byDirectory.set(dirname(file), names);
  }
  return [...byDirectory].map(([directory, names]) => {
    const watcher = watch(directory, (_event, name) => {
      if (name && names.has(name.toString())) onChange(resolve(directory, name.toString()));
    });
    watcher.on("error", (error) => onError(`stopped watching ${directory}: ${describeError(error)}`));
    return watcher;
  });
}

function renderLine(
  changed: string[],
  result: Awaited<ReturnType<typeof reportFromAudit>>,
  totalMs: number,
): string {
  const what = changed.length ? `${changed.map((path) => basename(path)).join(", ")} changed: ` : "";
  const stages = [
    `analysis ${seconds(result.analyseMs)}`,
    result.htmlMs ? `HTML ${seconds(result.htmlMs)}` : undefined,
    result.pdfMs !== undefined ? `PDF ${seconds(result.pdfMs)}` : undefined,
  ].filter(Boolean);
  return `${clock()} ${what}rendered in ${seconds(totalMs)} (${stages.join(", ")}): ${verdictLine(result)}`;
}

/** "43 ms" below a second, "1.4 s" above: re-render stages are mostly well under a second. */
function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function clock(): string {
  return new Date().toTimeString().slice(0, 8);
}
