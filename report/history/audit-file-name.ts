import { createHash } from "node:crypto";
import type { Audit } from "../../schema/audit.js";

/** `2026-11-27T165000-1a2b3c4d.audit.json`: sorts by start time, unique per audit. */
export const AUDIT_FILE_PATTERN = /^(\d{4}-\d{2}-\d{2}T\d{6})-([0-9a-z]{8})\.audit\.json$/;

export function auditFileName(audit: Audit): string {
  const started = new Date(audit.startedAt);
  if (Number.isNaN(started.getTime())) {
    throw new Error(`audit startedAt is not a date: ${audit.startedAt}`);
  }
  const stamp = started.toISOString().slice(0, 19).replace(/:/g, "");
  return `${stamp}-${auditTag(audit)}.audit.json`;
}

/**
 * Eight characters telling two audits started in the same second apart. The tail of the
 * auditId, because a UUIDv7's head is its timestamp (the same for audits minutes apart);
 * without an id, a hash of the audit's start and hosts.
 */
function auditTag(audit: Audit): string {
  const id = (audit.auditId ?? "").toLowerCase().replace(/[^0-9a-z]/g, "");
  if (id.length >= 8) return id.slice(-8);
  const digest = createHash("sha256")
    .update(`${audit.startedAt}\n${audit.client.name}\n${audit.hosts.map((h) => h.ip).join(",")}`)
    .digest("hex");
  return digest.slice(0, 8);
}
