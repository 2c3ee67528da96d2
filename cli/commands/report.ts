import { basename, resolve } from "node:path";
import type { Command } from "commander";
import { UsageError } from "../../lib/errors.js";
import { Progress } from "../../lib/progress.js";
import type { ReportTargets } from "../../report/render/write-report.js";

/** The report flags shared by `report`, `demo` and `assess`. */
export interface ReportFlags {
  out?: string;
  html?: string;
  json?: string;
  csv?: string;
  brand?: string;
  answers?: string;
  pricing?: string;
  previous?: string[];
  /** Client store to read earlier audits from (default: SWEETSPOT_STORE or the data folder). */
  store?: string;
  /** false: ignore the client store (the demo's sample client is nobody's history). */
  useStore?: boolean;
  /** commander's --no-history */
  history?: boolean;
  asOf?: string;
  quiet?: boolean;
}

export function registerReport(program: Command): void {
  const command = program
    .command("report")
    .description("turn an Audit into the branded assessment: PDF, HTML, Assessment JSON, inventory CSV")
    .argument("<audit>", "Audit JSON written by `sweetspot scan` or `sweetspot import`");
  addReportOptions(command, { defaultOut: "<audit name>.pdf" })
    .option("--previous <audit...>", 'earlier Audits of the same client: adds "Since the last assessment"')
    .option(
      "--store <dir>",
      "client store holding earlier audits (default: $SWEETSPOT_STORE or your data folder)",
    )
    .option("--no-history", "do not look for earlier audits of the client in the store")
    .option(
      "-w, --watch",
      "keep running: re-render whenever the audit, answers, brand or pricing file is saved (Ctrl-C stops)",
    )
    .action(async (auditPath: string, flags: ReportFlags & { watch?: boolean }) => {
      const progress = new Progress({ quiet: Boolean(flags.quiet) });
      const targets = reportTargets(flags, `${auditBaseName(auditPath)}.pdf`);
      if (flags.watch) {
        const { readAuditFile } = await import("../../lib/read-document.js");
        const { audit, warnings } = await readAuditFile(auditPath);
        for (const warning of warnings) progress.warn(`${auditPath}: ${warning}`);
        const { watchReport } = await import("./report-watch.js");
        await watchReport({ auditPath, audit, flags, targets, progress });
        return;
      }
      // Analysis runs in a worker that is gone before Chromium starts (report-in-worker.ts).
      const { reportInWorker } = await import("./report-in-worker.js");
      const { summaryLine } = await import("./report-summary.js");
      progress.done(summaryLine(await reportInWorker(auditPath, flags, targets, progress)));
    });
}

/** Adds --out/--html/--json/--csv/--brand/--answers/--pricing/--as-of/--quiet to a command. */
export function addReportOptions(command: Command, labels: { defaultOut: string }): Command {
  command
    .option(
      "-o, --out <file>",
      `PDF to write (default: ${labels.defaultOut} when no other output is asked for)`,
    )
    .option("--html <file>", "also write the report as one self-contained HTML file")
    .option(
      "--json <file>",
      "also write the Assessment (verdict, scores, devices, findings, proposal) as JSON",
    )
    .option("--csv <file>", "also write the device inventory as CSV");
  return addReportInputOptions(command);
}

/** --brand/--answers/--pricing/--as-of/--quiet: what shapes the report, whatever it is written to. */
export function addReportInputOptions(command: Command): Command {
  return command
    .option("--brand <file>", "your branding: brand.yaml (see `sweetspot brand --init`)")
    .option("--answers <file>", "interview answers: answers.yaml (see `sweetspot answers --init`)")
    .option("--pricing <file>", "your prices: pricing.yaml")
    .option(
      "--as-of <date>",
      "judge end-of-life dates as of this day (YYYY-MM-DD; default: the audit's date)",
    )
    .option("-q, --quiet", "print only warnings and the summary");
}

/** At least one output; with none asked for, the PDF goes to the default name. */
export function reportTargets(flags: ReportFlags, defaultPdf: string): ReportTargets {
  const targets: ReportTargets = {
    ...(flags.out ? { pdf: resolve(flags.out) } : {}),
    ...(flags.html ? { html: resolve(flags.html) } : {}),
    ...(flags.json ? { json: resolve(flags.json) } : {}),
    ...(flags.csv ? { csv: resolve(flags.csv) } : {}),
  };
  if (!targets.pdf && !targets.html && !targets.json && !targets.csv) targets.pdf = resolve(defaultPdf);
  const paths = Object.values(targets);
  if (new Set(paths).size !== paths.length)
    throw new UsageError(
      "two outputs name the same file",
      "give --out, --html, --json and --csv different file names",
    );
  return targets;
}

function auditBaseName(path: string): string {
  return (
    basename(path)
      .replace(/\.audit\.json$/i, "")
      .replace(/\.json$/i, "") || "report"
  );
}
