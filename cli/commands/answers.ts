import { existsSync } from "node:fs";
import type { Command } from "commander";
import { writeFileAtomic } from "../../lib/atomic-write.js";
import { UsageError } from "../../lib/errors.js";
import { ANSWERS_TEMPLATE } from "../../report/inputs/answers-template.js";
import { readAnswersFile } from "../../report/inputs/read-answers.js";

const DEFAULT_FILE = "answers.yaml";

interface AnswersOptions {
  init?: string | boolean;
  check?: string;
  force?: boolean;
}

export function registerAnswers(program: Command): void {
  program
    .command("answers")
    .description("Write or check the interview answers file (what a scan cannot see)")
    .argument("[file]", `the answers file (default ${DEFAULT_FILE})`)
    .option("--init [file]", `write a commented answers template (default ${DEFAULT_FILE})`)
    .option("--check <file>", "validate an answers file and say what is still unanswered")
    .option("--force", "with --init: overwrite an existing file")
    .addHelpText(
      "after",
      "\nExamples:\n  sweetspot answers --init\n  sweetspot answers --check answers.yaml\n  sweetspot report audit.json --answers answers.yaml --out report.pdf\n",
    )
    .action(async (file: string | undefined, options: AnswersOptions) => {
      if (options.init !== undefined) {
        const target = typeof options.init === "string" ? options.init : (file ?? DEFAULT_FILE);
        await initAnswers(target, options.force ?? false);
        return;
      }
      const toCheck = options.check ?? file;
      if (toCheck !== undefined) {
        await checkAnswers(toCheck);
        return;
      }
      throw new UsageError(
        "say what to do",
        "use --init [file] to write a template, or --check <file> to validate one",
      );
    });
}

async function initAnswers(file: string, force: boolean): Promise<void> {
  if (existsSync(file) && !force) {
    throw new UsageError(`${file} already exists`, "use --force to overwrite it, or give another file name");
  }
  // Client details: readable by the consultant only.
  await writeFileAtomic(file, ANSWERS_TEMPLATE, { mode: 0o600 });
  process.stdout.write(
    `wrote ${file}: fill in what the client tells you, then pass --answers ${file} to sweetspot report\n`,
  );
}

async function checkAnswers(file: string): Promise<void> {
  const answers = await readAnswersFile(file);
  const topLevel = [
    "employees",
    "hourlyCostPerEmployee",
    "industry",
    "offsiteBackup",
    "lastRestoreTest",
    "antivirus",
    "currentSupport",
    "monthlyItBudget",
    "hasUps",
    "hasFirewall",
  ] as const;
  const missing = topLevel.filter((field) => answers[field] === undefined);
  const answered = topLevel.length - missing.length;
  process.stdout.write(
    `${file}: valid; ${answered} of ${topLevel.length} key questions answered${missing.length ? ` (still open: ${missing.join(", ")})` : ""}\n`,
  );
}
