import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Assessment } from "../../schema/assessment.js";
import { AuditSchema } from "../../schema/audit.js";
import { analyze } from "../../report/analyze/analyze.js";
import { parseAnswersText } from "../../report/inputs/read-answers.js";

/**
 * Golden Assessments: every audit in test/fixtures/audits named rules-*.audit.json (hand-made)
 * or lab-*.audit.json (recorded from the lab), analysed with the sibling <name>.answers.yaml
 * when there is one. `npm run update:golden` rewrites test/golden/<name>.assessment.json; the
 * golden test fails when analysis drifts from them.
 */
export const AUDITS_DIR = "test/fixtures/audits";
export const GOLDEN_DIR = "test/golden";
/** Pinned so goldens change only when the analysis does, not with every release. */
export const GOLDEN_TOOL = { name: "sweetspot", version: "0.0.0-golden" };

export interface GoldenCase {
  name: string;
  auditPath: string;
  answersPath?: string;
  goldenPath: string;
}

export function goldenCases(): GoldenCase[] {
  return readdirSync(AUDITS_DIR)
    .filter((file) => /^(rules|lab)-.+\.audit\.json$/.test(file))
    .sort()
    .map((file) => {
      const name = file.replace(/\.audit\.json$/, "");
      const answersPath = join(AUDITS_DIR, `${name}.answers.yaml`);
      return {
        name,
        auditPath: join(AUDITS_DIR, file),
        answersPath: existsSync(answersPath) ? answersPath : undefined,
        goldenPath: join(GOLDEN_DIR, `${name}.assessment.json`),
      };
    });
}

export function assessGoldenCase(golden: GoldenCase): Assessment {
  const audit = AuditSchema.parse(JSON.parse(readFileSync(golden.auditPath, "utf8")));
  const answers = golden.answersPath
    ? parseAnswersText(readFileSync(golden.answersPath, "utf8"), golden.answersPath)
    : undefined;
  return analyze(audit, { answers, tool: GOLDEN_TOOL });
}

/** 2-space JSON with a final newline: a reviewer reads these files. */
export function goldenText(assessment: Assessment): string {
  return `${JSON.stringify(assessment, null, 2)}\n`;
}
