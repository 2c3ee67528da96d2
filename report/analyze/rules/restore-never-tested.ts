import { defineRule } from "./define-rule.js";
import { daysBetween, fromAnswers } from "./rule-helpers.js";

/** A restore test older than this no longer proves today's backup works. */
export const RESTORE_TEST_MAX_AGE_DAYS = 365;

export default defineRule({
  meta: {
    id: "restore-never-tested",
    title: "The backup has not been restore-tested in the last year",
    passTitle: "A restore was tested within the last year",
    category: "backup",
    defaultSeverity: "medium",
    impact:
      "Backups fail silently: until a restore has been tried, nobody knows whether the data can actually be brought back, or how long it takes.",
    recommendation:
      "Restore a sample of files and one whole server to spare hardware or a VM at least once a year (quarterly is better) and write down how long it took.",
    references: [
      "https://csrc.nist.gov/pubs/sp/800/34/r1/upd1/final",
      "https://www.cisa.gov/stopransomware/ransomware-guide",
    ],
    projectId: "restore-test",
  },
  evaluate(ctx) {
    const answer = ctx.answers.lastRestoreTest ?? ctx.environment.backup.lastRestoreTest;
    if (answer === undefined) {
      return {
        status: "unknown",
        question: {
          id: "last-restore-test",
          topic: "backup",
          question:
            "When did someone last restore files (or a whole server) from the backup to prove it works?",
          why: "Backups that were never restored often turn out to be incomplete when they are needed.",
          answersField: "lastRestoreTest",
        },
      };
    }
    if (answer === "never") {
      return { status: "fail", hosts: [], evidence: [fromAnswers("lastRestoreTest", "never")] };
    }
    const tested = new Date(`${answer}T00:00:00Z`);
    if (Number.isNaN(tested.getTime())) return { status: "unknown" };
    const age = daysBetween(tested, ctx.asOf);
    if (age <= RESTORE_TEST_MAX_AGE_DAYS) return { status: "pass" };
    return {
      status: "fail",
      hosts: [],
      evidence: [fromAnswers("lastRestoreTest", answer, `${age} days before the audit`)],
    };
  },
});
