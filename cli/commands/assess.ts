import { join, resolve } from "node:path";
import type { Command, Option } from "commander";
import { defaultOutName, type ScanFlags, scanToFile } from "../../agent/scan-to-file.js";
import { FailError, UsageError } from "../../lib/errors.js";
import { Progress } from "../../lib/progress.js";
import { checkDestination } from "../../lib/check-destination.js";
import { loadBrandFile } from "../../report/brand/load-brand.js";
import { readAnswersFile } from "../../report/inputs/read-answers.js";
import { readPricingFile } from "../../report/inputs/read-pricing.js";
import { addReportInputOptions, type ReportFlags } from "./report.js";
import { reportFromAudit } from "./report-run.js";
import { summaryLine } from "./report-summary.js";

export type AssessFlags = Omit<ScanFlags, "out"> &
  Omit<ReportFlags, "out" | "html" | "json" | "csv" | "store" | "useStore"> & {
    dir?: string;
    html?: boolean;
  };

/** Where `assess` writes: <client-slug>-<YYYY-MM-DD>.{audit.json,pdf,html,assessment.json,csv} in --dir. */
export function assessPaths(client: string, day: Date, dir = ".") {
  const base = join(resolve(dir), defaultOutName(client, day).replace(/\.audit\.json$/, ""));
  return {
    audit: `${base}.audit.json`,
    pdf: `${base}.pdf`,
    html: `${base}.html`,
    json: `${base}.assessment.json`,
    csv: `${base}.csv`,
  };
}

export interface AssessDeps {
  scan?: typeof scanToFile;
  report?: typeof reportFromAudit;
  checkInputs?: typeof checkAssessInputs;
  today?: () => Date;
}

/** Scan, then report from the fresh Audit: one command on site, files named after client and day. */
export async function runAssess(
  targets: string[],
  flags: AssessFlags,
  progress: Progress,
  deps: AssessDeps = {},
) {
  if (!flags.client?.trim())
    throw new UsageError("--client is required", 'name the prospect, e.g. --client "Acme Dental"');
  const paths = assessPaths(flags.client.trim(), (deps.today ?? (() => new Date()))(), flags.dir);
  const { dir: _dir, html: wantHtml, brand, answers, pricing, asOf, previous, ...scanOnly } = flags;
  // Every input file is checked before the first packet: a typo must not cost the scan.
  await (deps.checkInputs ?? checkAssessInputs)({ brand, answers, pricing, pdf: paths.pdf });
  const { audit, outPath } = await (deps.scan ?? scanToFile)(
    targets,
    { ...scanOnly, out: paths.audit },
    progress,
  );
  const reportFlags: ReportFlags = {
    brand,
    answers,
    pricing,
    asOf,
    previous,
    quiet: flags.quiet,
    ...(typeof scanOnly.store === "string" ? { store: scanOnly.store } : {}),
    useStore: scanOnly.store !== false,
  };
  const result = await (deps.report ?? reportFromAudit)(
    audit,
    reportFlags,
    { pdf: paths.pdf, json: paths.json, csv: paths.csv, ...(wantHtml === false ? {} : { html: paths.html }) },
    progress,
  );
  return { audit, auditPath: outPath, paths, result };
}

export function registerAssess(program: Command): void {
  const scan = program.commands.find((command) => command.name() === "scan");
  if (!scan) throw new FailError("`assess` needs the `scan` command registered first (cli/main.ts)");
  const command = program
    .command("assess")
    .description(
      "scan the office LAN and write the report in one go: <client>-<date>.{audit.json,pdf,html,assessment.json,csv}",
    )
    .argument(
      "[targets...]",
      "as for `sweetspot scan` (none: this host's own private subnets, after confirmation)",
    );
  // Every scan flag, exactly as `scan` defines it (so the two never drift), except --out and --quiet.
  for (const option of scan.options as readonly Option[]) {
    if (option.long === "--out" || option.long === "--quiet") continue;
    command.addOption(option);
  }
  command.option("--dir <folder>", "where to write the files (default: the current folder)");
  command.option("--no-html", "skip the HTML copy of the report");
  addReportInputOptions(command);
  command.option(
    "--previous <audit...>",
    'earlier Audits of the same client: adds "Since the last assessment"',
  );
  command.action(async (targets: string[], flags: AssessFlags) => {
    const progress = new Progress({ quiet: Boolean(flags.quiet) });
    const { auditPath, result } = await runAssess(targets, flags, progress);
    progress.done(`${summaryLine(result)}\nwrote ${auditPath}`);
  });
}

async function checkAssessInputs(inputs: {
  brand?: string;
  answers?: string;
  pricing?: string;
  pdf: string;
}) {
  if (inputs.brand) await loadBrandFile(inputs.brand);
  if (inputs.answers) await readAnswersFile(inputs.answers);
  if (inputs.pricing) await readPricingFile(inputs.pricing);
  await checkDestination(inputs.pdf, "--dir");
}
