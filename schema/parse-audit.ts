import { type Audit, AuditSchema } from "./audit.js";
import { type FieldProblem, problemsFromZod } from "./issues.js";
import { upgradeAudit } from "./upgrade-audit.js";

export type ParseAuditResult =
  | { ok: true; audit: Audit; warnings: string[] }
  | { ok: false; problems: FieldProblem[] };

/** Validates (and upgrades) a parsed JSON value as an Audit; returns every problem with its field path. */
export function parseAudit(raw: unknown): ParseAuditResult {
  const upgraded = upgradeAudit(raw);
  if (!upgraded.ok) return upgraded;
  const result = AuditSchema.safeParse(upgraded.doc);
  if (!result.success) return { ok: false, problems: problemsFromZod(result.error) };
  const warnings = upgraded.upgradedFrom
    ? [`upgraded from Audit schemaVersion ${upgraded.upgradedFrom}`]
    : [];
  return { ok: true, audit: result.data, warnings };
}
