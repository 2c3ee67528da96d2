import { basename, resolve } from "node:path";
import type { Command } from "commander";
import { describeError, UsageError } from "../../lib/errors.js";
import { Progress } from "../../lib/progress.js";
import { readAuditFile } from "../../lib/read-document.js";
import type { Answers } from "../../schema/answers.js";
import type { Assessment } from "../../schema/assessment.js";
import type { Audit } from "../../schema/audit.js";
import type { Pricing } from "../../schema/pricing.js";
import { analyze } from "../../report/analyze/analyze.js";
import type { Brand } from "../../report/brand/brand-schema.js";
import { DEFAULT_BRAND } from "../../report/brand/default-brand.js";
import { loadBrandFile } from "../../report/brand/load-brand.js";
import { buildChanges } from "../../report/history/build-changes.js";
import { changesForReport } from "../../report/history/report-changes.js";
import { readAnswersFile } from "../../report/inputs/read-answers.js";
import { readPricingFile } from "../../report/inputs/read-pricing.js";
import { type ReportTargets, type WriteReportDeps, writeReport } from "../../report/render/write-report.js";

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
    .option("--store <dir>", "client store holding earlier audits (default: $SWEETSPOT_STORE or your data folder)")
    .option("--no-history", "do not look for earlier audits of the client in the store")
    .option(
      "-w, --watch",
      "keep running: re-render whenever the audit, answers, brand or pricing file is saved (Ctrl-C stops)",
    )
    .action(async (auditPath: string, flags: ReportFlags & { watch?: boolean }) => {
      const progress = new Progress({ quiet: Boolean(flags.quiet) });
      const { audit, warnings } = await readAuditFile(auditPath);
      for (const warning of warnings) progress.warn(`${auditPath}: ${warning}`);
      const targets = reportTargets(flags, `${auditBaseName(auditPath)}.pdf`);
      if (flags.watch) {
        const { watchReport } = await import("./report-watch.js");
        await watchReport({ auditPath, audit, flags, targets, progress });
        return;
      }
      const result = await reportFromAudit(audit, flags, targets, progress);
      progress.done(summaryLine(result));
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

export interface ReportDeps extends WriteReportDeps {
  analysis?: Analysis;
}

/** Audit (+ answers, pricing, earlier audits, brand) → Assessment → the requested files. */
export async function reportFromAudit(
  audit: Audit,
  flags: ReportFlags,
  targets: ReportTargets,
  progress: Progress,
  deps: ReportDeps = {},
) {
  const asOf = parseAsOf(flags.asOf);
  const brand: Brand = flags.brand ? await loadBrandFile(flags.brand) : DEFAULT_BRAND;
  const analysis = deps.analysis ?? DEFAULT_ANALYSIS;
  const answers = flags.answers ? await analysis.readAnswersFile(flags.answers) : undefined;
  const pricing = flags.pricing ? await analysis.readPricingFile(flags.pricing) : undefined;

  progress.start("analyse", `${audit.hosts.length} hosts`);
  const analyseStarted = performance.now();
  const assessment = analysis.analyze(audit, { answers, pricing, ...(asOf ? { asOf } : {}) });
  const analyseMs = performance.now() - analyseStarted;
  if (flags.previous?.length) {
    assessment.changes = await changesSince(
      flags.previous,
      audit,
      assessment,
      { answers, pricing },
      analysis,
      progress,
    );
  } else if (flags.useStore !== false && flags.history !== false) {
    // No --previous: earlier audits of this client in the store, if any.
    // The store only adds history: a store that cannot be read must not cost the report.
    assessment.changes = await changesForReport(audit, assessment, {
      ...(flags.store ? { storeDir: flags.store } : {}),
      analyzeEarlier: (earlier) =>
        analysis.analyze(earlier, { answers, pricing, asOf: new Date(earlier.startedAt) }),
      onSkip: (path, reason) => progress.warn(`skipped ${path}: ${reason}`),
    }).catch((error: unknown) => {
      progress.info(`no comparison with earlier audits: ${describeError(error)}`);
      return undefined;
    });
  }
  const written = await writeReport(assessment, brand, targets, progress, deps);
  return { assessment, analyseMs, ...written };
}

export function summaryLine(result: Awaited<ReturnType<typeof reportFromAudit>>): string {
  return [
    `${result.assessment.client.name}: ${verdictLine(result)}`,
    ...result.written.map((path) => `wrote ${path}`),
  ].join("\n");
}

/** "sweet-spot (fit 80, risk 66), 20 devices, 12 open findings, 19 pages" */
export function verdictLine(result: Awaited<ReturnType<typeof reportFromAudit>>): string {
  const a = result.assessment;
  const pages = result.pages ? `, ${result.pages} pages` : "";
  return `${a.verdict} (fit ${Math.round(a.scores.fit)}, risk ${Math.round(a.scores.risk)}), ${a.devices.length} devices, ${a.findings.filter((f) => f.status === "open").length} open findings${pages}`;
}

/** The stages this command wires together; injectable for tests. */
export interface Analysis {
  analyze(audit: Audit, inputs?: { answers?: Answers; pricing?: Pricing; asOf?: Date }): Assessment;
  readAnswersFile(path: string): Promise<Answers>;
  readPricingFile(path: string): Promise<Pricing>;
  buildChanges(
    previous: Assessment[],
    current: Assessment,
    audits?: { previous: Audit[]; current: Audit },
  ): Assessment["changes"];
}

const DEFAULT_ANALYSIS: Analysis = { analyze, readAnswersFile, readPricingFile, buildChanges };

async function changesSince(
  previousPaths: string[],
  audit: Audit,
  current: Assessment,
  inputs: { answers?: Answers; pricing?: Pricing },
  analysis: Analysis,
  progress: Progress,
): Promise<Assessment["changes"]> {
  const previousAudits: Audit[] = [];
  for (const path of previousPaths) {
    const { audit: earlier } = await readAuditFile(path);
    if (earlier.client.name.trim().toLowerCase() !== audit.client.name.trim().toLowerCase()) {
      progress.warn(
        `${path} is an audit of "${earlier.client.name}", not "${audit.client.name}"; compared anyway`,
      );
    }
    previousAudits.push(earlier);
  }
  previousAudits.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  const earlier = previousAudits.filter((a) => a.startedAt < audit.startedAt);
  if (earlier.length < previousAudits.length) {
    throw new UsageError(
      "--previous: every earlier audit must start before the audit being reported",
      "check the files' dates (startedAt)",
    );
  }
  // Each visit is judged by the same answers and prices, as of its own date.
  const previousAssessments = earlier.map((a) =>
    analysis.analyze(a, { ...inputs, asOf: new Date(a.startedAt) }),
  );
  return analysis.buildChanges(previousAssessments, current, { previous: earlier, current: audit });
}

// --- internal ---

function parseAsOf(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) throw new UsageError(`--as-of ${value}: expected a date like 2026-11-20`);
  return date;
}

function auditBaseName(path: string): string {
  return (
    basename(path)
      .replace(/\.audit\.json$/i, "")
      .replace(/\.json$/i, "") || "report"
  );
}
