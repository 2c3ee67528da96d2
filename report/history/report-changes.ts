import type { Assessment, Changes } from "../../schema/assessment.js";
import type { Audit } from "../../schema/audit.js";
import { buildChanges } from "./build-changes.js";
import { analyzeAudit } from "./pipeline.js";
import { type LoadOptions, loadEarlierAudits } from "./store.js";

export interface ReportChangesOptions {
  /** Audits given with `--previous` (any order); when absent, the client store is read. */
  previous?: Audit[];
  storeDir?: string;
  /** Analyses an earlier audit the way the current one was (same answers and pricing), so scores compare. */
  analyzeEarlier?: (audit: Audit) => Assessment;
  onSkip?: LoadOptions["onSkip"];
}

/**
 * The "Since the last assessment" data for the main report: earlier audits of the same client
 * (from --previous, else the store), analysed and compared with this one. Undefined when there
 * is no earlier audit.
 */
export async function changesForReport(
  audit: Audit,
  current: Assessment,
  options: ReportChangesOptions = {},
): Promise<Changes | undefined> {
  const started = Date.parse(audit.startedAt);
  const earlier = (
    options.previous ?? (await loadEarlierAudits(audit, options.storeDir, { onSkip: options.onSkip }))
  )
    .filter((a) => Date.parse(a.startedAt) < started && !(audit.auditId && a.auditId === audit.auditId))
    .sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
  if (earlier.length === 0) return undefined;
  const analyzeEarlier = options.analyzeEarlier ?? analyzeAudit;
  return buildChanges(earlier.map(analyzeEarlier), current, { previous: earlier, current: audit });
}
