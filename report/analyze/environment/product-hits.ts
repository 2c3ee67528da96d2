import type { Audit, Host } from "../../../schema/audit.js";
import { type SignatureMatch, matchSignatures } from "../classify/match-signatures.js";

/** Signature matches carrying a tag ("backup-product", "ups", "endpoint-console"), per host. */
export function taggedMatches(audit: Audit, tag: string): { host: Host; match: SignatureMatch }[] {
  const hits: { host: Host; match: SignatureMatch }[] = [];
  for (const host of audit.hosts) {
    if (host.status.state === "down") continue;
    for (const match of matchSignatures(host, audit).matches) {
      if (match.signature.tags?.includes(tag)) hits.push({ host, match });
    }
  }
  return hits;
}
