import type { Audit, Host } from "../../../schema/audit.js";
import { type SignatureMatch, matchSignatures } from "../classify/match-signatures.js";
import { memoisedPerObject } from "../remembered-lookups.js";

type TaggedMatch = { host: Host; match: SignatureMatch };

/** Signature matches carrying a tag ("backup-product", "ups", "endpoint-console"), per host (never mutate). */
export function taggedMatches(audit: Audit, tag: string): readonly TaggedMatch[] {
  return matchesByTag(audit).get(tag) ?? NONE;
}

const NONE: readonly TaggedMatch[] = [];

/** One pass over every live host's matches, indexed by tag: each environment fact asks for one tag. */
const matchesByTag = memoisedPerObject((audit: Audit): Map<string, TaggedMatch[]> => {
  const byTag = new Map<string, TaggedMatch[]>();
  for (let h = 0; h < audit.hosts.length; h++) {
    const host = audit.hosts[h]!;
    if (host.status.state === "down") continue;
    const { matches } = matchSignatures(host, audit);
    for (let m = 0; m < matches.length; m++) {
      const match = matches[m]!;
      const tags = match.signature.tags;
      if (!tags) continue;
      for (let t = 0; t < tags.length; t++) {
        // A tag listed twice on one signature still yields one hit, as `tags.includes` did.
        if (tags.indexOf(tags[t]!) !== t) continue;
        const list = byTag.get(tags[t]!);
        if (list) list.push({ host, match });
        else byTag.set(tags[t]!, [{ host, match }]);
      }
    }
  }
  return byTag;
});
