/**
 * Rewrites the golden Assessments in test/golden/ from the audits in test/fixtures/audits/.
 * Run after an intended change to analysis: `npm run update:golden`, then review the diff.
 */
import { writeFileSync } from "node:fs";
import { assessGoldenCase, goldenCases, goldenText } from "../test/golden/golden-cases.js";

for (const golden of goldenCases()) {
  const assessment = assessGoldenCase(golden);
  writeFileSync(golden.goldenPath, goldenText(assessment));
  process.stdout.write(
    `${golden.goldenPath}: ${assessment.verdict}, fit ${assessment.scores.fit}, risk ${assessment.scores.risk}, ${assessment.findings.length} findings\n`,
  );
}
