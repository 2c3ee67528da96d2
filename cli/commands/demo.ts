import { join } from "node:path";
import type { Command } from "commander";
import { packageRoot } from "../../lib/package-root.js";
import { Progress } from "../../lib/progress.js";
import { readAuditFile } from "../../lib/read-document.js";
import { addReportOptions, type ReportFlags, reportTargets } from "./report.js";
import { reportFromAudit } from "./report-run.js";
import { summaryLine } from "./report-summary.js";

/** The bundled sample office (see test/fixtures/README.md for where it comes from). */
export function sampleAuditPath(): string {
  return join(packageRoot(), "report", "samples", "office.audit.json");
}

export function registerDemo(program: Command): void {
  const command = program
    .command("demo")
    .description("a full report from a bundled sample office audit: no network, nothing scanned");
  addReportOptions(command, { defaultOut: "demo-report.pdf" }).action(async (flags: ReportFlags) => {
    const progress = new Progress({ quiet: Boolean(flags.quiet) });
    const { audit } = await readAuditFile(sampleAuditPath());
    const result = await reportFromAudit(
      audit,
      { ...flags, useStore: false },
      reportTargets(flags, "demo-report.pdf"),
      progress,
    );
    if (result.pdfMs !== undefined) {
      progress.info(
        `rendered: HTML ${Math.round(result.htmlMs)} ms, PDF ${Math.round(result.pdfMs)} ms (Chromium start included)`,
      );
    }
    progress.done(summaryLine(result));
  });
}
