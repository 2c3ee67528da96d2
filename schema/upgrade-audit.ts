import { AUDIT_SCHEMA_VERSION } from "./audit.js";
import type { FieldProblem } from "./issues.js";

type Upgrade = (doc: Record<string, unknown>) => Record<string, unknown>;

/**
 * Upgrades from each older schemaVersion to the next, in order. Version 1 is the first, so the
 * table is empty; a version 2 adds `1: (doc) => ({...doc, schemaVersion: 2, newField: …})`.
 */
const UPGRADES: Record<number, Upgrade> = {};

export type UpgradeResult =
  | { ok: true; doc: Record<string, unknown>; upgradedFrom?: number }
  | { ok: false; problems: FieldProblem[] };

export function upgradeAudit(raw: unknown, upgrades: Record<number, Upgrade> = UPGRADES): UpgradeResult {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { ok: false, problems: [{ path: "(document)", message: "expected a JSON object (an Audit)" }] };
  }
  let doc = raw as Record<string, unknown>;
  const version = doc.schemaVersion;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      problems: [{ path: "schemaVersion", message: "missing or not a positive integer: is this a sweetspot Audit?" }],
    };
  }
  if (version > AUDIT_SCHEMA_VERSION) {
    return {
      ok: false,
      problems: [
        {
          path: "schemaVersion",
          message: `is ${version}, made by a newer sweetspot (this one reads up to ${AUDIT_SCHEMA_VERSION}): upgrade sweetspot`,
        },
      ],
    };
  }
  for (let v = version; v < AUDIT_SCHEMA_VERSION; v++) {
    const step = upgrades[v];
    if (!step) return { ok: false, problems: [{ path: "schemaVersion", message: `no upgrade from version ${v}` }] };
    doc = step(doc);
  }
  return version < AUDIT_SCHEMA_VERSION ? { ok: true, doc, upgradedFrom: version } : { ok: true, doc };
}
