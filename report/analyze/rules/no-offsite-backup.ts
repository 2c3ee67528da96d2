import { defineRule } from "./define-rule.js";
import { derived, fromAnswers } from "./rule-helpers.js";

export default defineRule({
  meta: {
    id: "no-offsite-backup",
    title: "No offsite or cloud copy of the backup",
    passTitle: "The backup has an offsite copy",
    category: "backup",
    defaultSeverity: "high",
    impact:
      "A backup kept in the same room burns, floods and gets encrypted along with the server it protects.",
    recommendation:
      "Add an offsite or cloud copy of the backup (3-2-1: three copies, two media, one offsite), ideally immutable, and check it monthly.",
    references: [
      "https://www.cisa.gov/sites/default/files/publications/data_backup_options.pdf",
      "https://www.cisa.gov/stopransomware/ransomware-guide",
    ],
    projectId: "backup-and-offsite",
  },
  evaluate(ctx) {
    const { offsite } = ctx.environment.backup;
    if (offsite === "yes") return { status: "pass" };
    if (offsite === "unknown") {
      return {
        status: "unknown",
        question: {
          id: "offsite-backup",
          topic: "backup",
          question:
            "Is there a copy of the backup outside the office (cloud service or a disk taken home), and who checks it?",
          why: "A scan cannot see a cloud backup or a rotated disk; without an offsite copy a fire or ransomware takes the backup too.",
          answersField: "offsiteBackup",
        },
      };
    }
    const evidence = [...ctx.environment.backup.evidence, derived("environment.backup.offsite", "no")];
    if (ctx.answers.offsiteBackup?.exists === "no") evidence.push(fromAnswers("offsiteBackup.exists", "no"));
    return { status: "fail", hosts: [], evidence };
  },
});
