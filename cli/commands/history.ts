import type { Command } from "commander";
import { UsageError } from "../../lib/errors.js";
import { clientSlug } from "../../report/history/client-slug.js";
import { analyzeAudit } from "../../report/history/pipeline.js";
import { clientDir, listClients, loadAudits } from "../../report/history/store.js";
import { existingStoreDirOrNone } from "../../report/history/store-location.js";
import { safeText } from "../../report/render/safe-text.js";

interface HistoryOptions {
  store?: string;
  json?: boolean;
}

export function registerHistory(program: Command): void {
  program
    .command("history")
    .description("List the clients in the store, or one client's audits with device count, fit and risk")
    .argument("[client]", "client name (or its folder name); omit to list every client")
    .option("--store <dir>", "client store folder (default: $SWEETSPOT_STORE, else your data folder)")
    .option("--json", "print JSON instead of a table")
    .action(async (client: string | undefined, options: HistoryOptions) => {
      const out = client ? await auditsOf(client, options) : await clients(options);
      process.stdout.write(out);
    });
}

async function clients(options: HistoryOptions): Promise<string> {
  const store = existingStoreDirOrNone(options.store);
  const list = await listClients(store);
  if (options.json) {
    return json({
      store,
      clients: list.map(({ slug, name, audits, lastStartedAt }) => ({ name, slug, audits, lastStartedAt })),
    });
  }
  if (list.length === 0) {
    return `No audits stored yet in ${store}.\n\`sweetspot scan\` and \`sweetspot assess\` save every audit there.\n`;
  }
  const rows = list.map((c) => [safeText(c.name, 40), String(c.audits), c.lastStartedAt?.slice(0, 10) ?? ""]);
  return `Client store: ${store}\n${table(["CLIENT", "AUDITS", "LAST AUDIT"], rows, [false, true, false])}`;
}

async function auditsOf(client: string, options: HistoryOptions): Promise<string> {
  const store = existingStoreDirOrNone(options.store);
  const skipped: string[] = [];
  const stored = await loadAudits(client, store, {
    onSkip: (path, reason) => skipped.push(`${path}: ${reason}`),
  });
  for (const line of skipped) process.stderr.write(`! skipped ${line}\n`);
  if (stored.length === 0) {
    throw new UsageError(
      `no audits stored for "${safeText(client, 60)}" in ${store} (looked in ${clientDir(client, store)})`,
      "list the stored clients with `sweetspot history`",
    );
  }
  const rows = [];
  for (const { path, audit } of stored) {
    const assessment = analyzeAudit(audit);
    rows.push({
      startedAt: audit.startedAt,
      auditId: audit.auditId,
      devices: assessment.devices.length,
      fit: Math.round(assessment.scores.fit),
      risk: Math.round(assessment.scores.risk),
      openFindings: assessment.findings.filter((f) => f.status === "open").length,
      file: path,
    });
  }
  const name = stored[stored.length - 1]!.audit.client.name;
  if (options.json) return json({ store, client: name, slug: clientSlug(name), audits: rows });
  const lines = rows.map((r) => [
    r.startedAt.slice(0, 16).replace("T", " "),
    String(r.devices),
    String(r.fit),
    String(r.risk),
    String(r.openFindings),
    r.file.split(/[/\\]/).pop()!,
  ]);
  return `${safeText(name, 60)}: ${rows.length} audit${rows.length === 1 ? "" : "s"} in ${clientDir(name, store)}\n${table(
    ["DATE (UTC)", "DEVICES", "FIT", "RISK", "FINDINGS", "FILE"],
    lines,
    [false, true, true, true, true, false],
  )}`;
}

// --- internal ---

function table(head: string[], rows: string[][], rightAligned: boolean[]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const format = (cells: string[]) =>
    cells
      .map((cell, i) => (rightAligned[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return `${[format(head), ...rows.map(format)].join("\n")}\n`;
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
