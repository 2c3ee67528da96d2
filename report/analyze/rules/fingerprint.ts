import { createHash } from "node:crypto";

/** Stable across audits: the same rule on the same hosts gives the same fingerprint. */
export function findingFingerprint(id: string, hosts: readonly string[]): string {
  const key = `${id}|${[...hosts].sort().join(",")}`;
  return createHash("sha256").update(key).digest("hex").slice(0, 16);
}
