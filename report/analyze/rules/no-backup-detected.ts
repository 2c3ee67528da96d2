import { defineRule } from "./define-rule.js";
import { derived } from "./rule-helpers.js";

export default defineRule({
  meta: {
    id: "no-backup-detected",
    title: "No backup system was detected",
    passTitle: "A backup system is in place",
    category: "backup",
    defaultSeverity: "critical",
    impact:
      "Without a backup, ransomware, a dead disk or a deleted folder means the data is gone for good: most small businesses that lose their data do not recover.",
    recommendation:
      "Put a managed backup in place (image-level for servers, with a local copy for fast restores and an offsite or cloud copy), monitored daily.",
    references: [
      "https://www.cisa.gov/stopransomware/ransomware-guide",
      "https://csrc.nist.gov/pubs/sp/800/34/r1/upd1/final",
    ],
    projectId: "backup-and-offsite",
  },
  evaluate(ctx) {
    const { backup } = ctx.environment;
    if (backup.onsite === "yes" || backup.systems.length > 0) return { status: "pass" };
    return {
      status: "fail",
      hosts: [],
      evidence: [
        ...backup.evidence,
        derived(
          "environment.backup.onsite",
          backup.onsite,
          backup.onsite === "unknown"
            ? "no backup appliance, NAS or backup software answered on the network; a USB disk or cloud-only backup would not show — confirm with the client"
            : undefined,
        ),
      ],
    };
  },
});
