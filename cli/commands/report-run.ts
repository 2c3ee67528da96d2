import type { Answers } from "../../schema/answers.js";
import type { Assessment } from "../../schema/assessment.js";
import type { Audit } from "../../schema/audit.js";
import type { Pricing } from "../../schema/pricing.js";
import { UsageError, describeError } from "../../lib/errors.js";
import type { Progress } from "../../lib/progress.js";
import { readAuditFile } from "../../lib/read-document.js";
import { analyze } from "../../report/analyze/analyze.js";
import type { Brand } from "../../report/brand/brand-schema.js";
import { DEFAULT_BRAND } from "../../report/brand/default-brand.js";
import { loadBrandFile } from "../../report/brand/load-brand.js";
import { buildChanges } from "../../report/history/build-changes.js";
import { changesForReport } from "../../report/history/report-changes.js";
import { readAnswersFile } from "../../report/inputs/read-answers.js";
import { readPricingFile } from "../../report/inputs/read-pricing.js";
import {
  type ReportTargets,
  type WriteReportDeps,
  printReport,
  writeDocuments,
} from "../../report/render/write-report.js";
import type { ReportFlags } from "./report.js";
import { verdictSummary } from "./report-summary.js";

export interface ReportDeps extends WriteReportDeps {
  analysis?: Analysis;
}

/**
 * Audit (+ answers, pricing, earlier audits, brand) → Assessment → the JSON, CSV and HTML files,
 * and what printing the PDF needs (the PDF itself is printed by the caller).
 */
export async function prepareReport(
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
  const documents = await writeDocuments(assessment, brand, targets, progress);
  return { assessment, analyseMs, documents };
}

/** Audit (+ answers, pricing, earlier audits, brand) → Assessment → the requested files, PDF included. */
export async function reportFromAudit(
  audit: Audit,
  flags: ReportFlags,
  targets: ReportTargets,
  progress: Progress,
  deps: ReportDeps = {},
) {
  const { assessment, analyseMs, documents } = await prepareReport(audit, flags, targets, progress, deps);
  const printed =
    documents.printable && targets.pdf
      ? await printReport(documents.printable, targets.pdf, progress, deps)
      : undefined;
  return {
    assessment,
    summary: verdictSummary(assessment),
    analyseMs,
    htmlMs: documents.htmlMs,
    written: printed && targets.pdf ? [...documents.written, targets.pdf] : documents.written,
    ...printed,
  };
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
