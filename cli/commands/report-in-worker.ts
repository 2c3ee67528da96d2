import { Worker } from "node:worker_threads";
import { FailError, UsageError } from "../../lib/errors.js";
import type { Progress } from "../../lib/progress.js";
import type { PrintableReport, ReportTargets } from "../../report/render/write-report.js";
import type { ReportFlags } from "./report.js";
import type { ReportOutcome, VerdictSummary } from "./report-summary.js";

/** What the worker is asked to do (plain data: it is copied to the worker). */
export interface ReportJob {
  auditPath: string;
  flags: ReportFlags;
  targets: ReportTargets;
  quiet: boolean;
  /** Whether the user's stderr is a terminal: the worker's progress lines are drawn for it. */
  tty: boolean;
}

/** Messages from report-worker.ts, in order: stderr text, then one "prepared" or "failed". */
export type WorkerMessage =
  | { kind: "stderr"; text: string }
  | {
      kind: "prepared";
      summary: VerdictSummary;
      analyseMs: number;
      htmlMs: number;
      written: string[];
      printable?: PrintableReport;
    }
  | { kind: "failed"; error: SerializedError };

export interface SerializedError {
  /** A SweetspotError's exit code (1 failed, 2 bad usage); absent for anything else (a bug). */
  exitCode?: 1 | 2;
  message: string;
  fix?: string;
  stack?: string;
}

/**
 * `sweetspot report`: reading the audit, the analysis and the JSON, CSV and HTML files run in a
 * worker thread; the PDF is printed here once the worker has exited. The worker's heap (the
 * audit, the Assessment, the analysis and template code) is then gone, so while Chromium prints,
 * node holds little more than the HTML: the whole run's peak memory is Chromium's plus ≈ 45 MB,
 * not plus ≈ 120 MB (BENCHMARKS.md, memory).
 */
export async function reportInWorker(
  auditPath: string,
  flags: ReportFlags,
  targets: ReportTargets,
  progress: Progress,
): Promise<ReportOutcome> {
  const job: ReportJob = {
    auditPath,
    flags: { ...flags },
    targets,
    quiet: Boolean(flags.quiet),
    tty: Boolean(process.stderr.isTTY),
  };
  const prepared = await runWorker(job);
  const outcome: ReportOutcome = {
    summary: prepared.summary,
    written: prepared.written,
    analyseMs: prepared.analyseMs,
    htmlMs: prepared.htmlMs,
  };
  if (!prepared.printable || !targets.pdf) return outcome;
  const { printReport } = await import("../../report/render/write-report.js");
  const printed = await printReport(prepared.printable, targets.pdf, progress);
  return { ...outcome, ...printed, written: [...prepared.written, targets.pdf] };
}

type Prepared = Extract<WorkerMessage, { kind: "prepared" }>;

/** Runs the worker to its exit (its memory is released then) and returns what it prepared. */
function runWorker(job: ReportJob): Promise<Prepared> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./report-worker.js", import.meta.url), { workerData: job });
    let answer: Prepared | undefined;
    let failure: Error | undefined;
    worker.on("message", (message: WorkerMessage) => {
      if (message.kind === "stderr") process.stderr.write(message.text);
      else if (message.kind === "prepared") answer = message;
      else failure = deserializeError(message.error);
    });
    worker.on("error", (error) => {
      failure ??= error;
    });
    worker.on("exit", () => {
      if (failure) reject(failure);
      else if (answer) resolve(answer);
      else reject(new Error("the report worker stopped without an answer"));
    });
  });
}

function deserializeError(error: SerializedError): Error {
  if (error.exitCode === 2) return new UsageError(error.message, error.fix);
  if (error.exitCode === 1) return new FailError(error.message, error.fix);
  const bug = new Error(error.message);
  if (error.stack) bug.stack = error.stack;
  return bug;
}
