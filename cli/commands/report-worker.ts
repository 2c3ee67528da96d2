// The worker half of `sweetspot report` (report-in-worker.ts says why): reads the audit, analyses
// it and writes the JSON, CSV and HTML files, then sends back what printing the PDF needs.
import { parentPort, workerData } from "node:worker_threads";
import { SweetspotError } from "../../lib/errors.js";
import { Progress } from "../../lib/progress.js";
import { readAuditFile } from "../../lib/read-document.js";
import type { ReportJob, SerializedError, WorkerMessage } from "./report-in-worker.js";
import { prepareReport } from "./report-run.js";
import { verdictSummary } from "./report-summary.js";

const port = parentPort;
if (!port) throw new Error("report-worker.ts runs only as a worker thread");
const job = workerData as ReportJob;
const send = (message: WorkerMessage) => port.postMessage(message);

// Progress lines go to the main thread, which writes them to the user's stderr in order.
const stderr = {
  isTTY: job.tty,
  write(chunk: string | Uint8Array): boolean {
    send({ kind: "stderr", text: typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8") });
    return true;
  },
} as unknown as NodeJS.WriteStream;
const progress = new Progress({ quiet: job.quiet, stream: stderr });

try {
  const { audit, warnings } = await readAuditFile(job.auditPath);
  for (const warning of warnings) progress.warn(`${job.auditPath}: ${warning}`);
  const { assessment, analyseMs, documents } = await prepareReport(audit, job.flags, job.targets, progress);
  send({
    kind: "prepared",
    summary: verdictSummary(assessment),
    analyseMs,
    htmlMs: documents.htmlMs,
    written: documents.written,
    ...(documents.printable ? { printable: documents.printable } : {}),
  });
} catch (error) {
  send({ kind: "failed", error: serialize(error) });
}

function serialize(error: unknown): SerializedError {
  if (error instanceof SweetspotError) {
    return { exitCode: error.exitCode, message: error.message, ...(error.fix ? { fix: error.fix } : {}) };
  }
  if (error instanceof Error)
    return { message: error.message, ...(error.stack ? { stack: error.stack } : {}) };
  return { message: String(error) };
}
