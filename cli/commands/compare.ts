import type { Command } from "commander";
import { writeFileAtomic } from "../../lib/atomic-write.js";
import { UsageError } from "../../lib/errors.js";
import { readAuditFile } from "../../lib/read-document.js";
import type { Brand } from "../../report/brand/brand-schema.js";
import { DEFAULT_BRAND } from "../../report/brand/default-brand.js";
import { loadBrandFile } from "../../report/brand/load-brand.js";
import { buildChanges } from "../../report/history/build-changes.js";
import { renderChangeReportHtml } from "../../report/history/change-report-html.js";
import { formatChangesText } from "../../report/history/changes-text.js";
import { clientSlug } from "../../report/history/client-slug.js";
import { analyzeAudit, printChangeReport } from "../../report/history/pipeline.js";
import { safeText } from "../../report/render/safe-text.js";

interface CompareOptions {
  out?: string;
  html?: string;
  json?: string;
  brand?: string;
  quiet?: boolean;
}

export function registerCompare(program: Command): void {
  program
    .command("compare")
    .description("What changed between two audits of a client: devices, findings fixed and new, scores")
    .argument("<old>", "the earlier audit (JSON)")
    .argument("<new>", "the later audit (JSON)")
    .option("--out <file>", "write the change report as PDF")
    .option("--html <file>", "write the change report as HTML")
    .option("--json <file>", "write the changes as JSON (the Assessment's `changes` object)")
    .option("--brand <file>", "brand.yaml: your company name, logo and colours")
    .option("-q, --quiet", "print only warnings and errors")
    .action(async (oldPath: string, newPath: string, options: CompareOptions) => {
      await compare(oldPath, newPath, options);
    });
}

async function compare(oldPath: string, newPath: string, options: CompareOptions): Promise<void> {
  for (const out of [options.out, options.html, options.json]) {
    if (out && [oldPath, newPath].includes(out)) {
      throw new UsageError(`${out} is one of the audits being compared`, "write the report to another file");
    }
  }
  const brand: Brand = options.brand ? await loadBrandFile(options.brand) : DEFAULT_BRAND;
  let [older, newer] = [await readAuditFile(oldPath), await readAuditFile(newPath)];
  for (const warning of [...older.warnings, ...newer.warnings]) process.stderr.write(`! ${warning}\n`);
  if (Date.parse(newer.audit.startedAt) < Date.parse(older.audit.startedAt)) {
    process.stderr.write(`! ${newPath} is the older audit: comparing in date order\n`);
    [older, newer] = [newer, older];
  }
  if (clientSlug(older.audit.client.name) !== clientSlug(newer.audit.client.name)) {
    process.stderr.write(
      `! these audits are of different clients ("${safeText(older.audit.client.name, 60)}" and "${safeText(newer.audit.client.name, 60)}")\n`,
    );
  }

  const changes = buildChanges([analyzeAudit(older.audit)], analyzeAudit(newer.audit), {
    previous: [older.audit],
    current: newer.audit,
  });

  const written: string[] = [];
  if (options.json) {
    await writeFileAtomic(options.json, `${JSON.stringify(changes, null, 2)}\n`, { mode: 0o600 });
    written.push(options.json);
  }
  if (options.html || options.out) {
    const html = await renderChangeReportHtml({
      changes,
      client: newer.audit.client,
      brand,
      currentStartedAt: newer.audit.startedAt,
    });
    if (options.html) {
      await writeFileAtomic(options.html, html, { mode: 0o600 });
      written.push(options.html);
    }
    if (options.out) {
      const pdf = await printChangeReport(html, brand, safeText(newer.audit.client.name, 80), (count) =>
        process.stderr.write(
          `! the change report tried to load ${count} external resource(s); all were refused\n`,
        ),
      );
      await writeFileAtomic(options.out, pdf, { mode: 0o600 });
      written.push(options.out);
    }
  }
  if (!options.quiet) {
    const lines = formatChangesText(changes, safeText(newer.audit.client.name, 60), newer.audit.startedAt);
    if (written.length) lines.push(`Wrote ${written.join(", ")}`);
    process.stdout.write(`${lines.join("\n")}\n`);
  }
}
