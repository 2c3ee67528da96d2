import { mkdir, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "../../lib/atomic-write.js";
import { FailError } from "../../lib/errors.js";
import type { Audit } from "../../schema/audit.js";
import { summarizeProblems } from "../../schema/issues.js";
import { parseAudit } from "../../schema/parse-audit.js";
import { AUDIT_FILE_PATTERN, auditFileName } from "./audit-file-name.js";
import { clientSlug } from "./client-slug.js";
import { resolveStoreDir } from "./store-location.js";

/**
 * The client store: `<store>/<client-slug>/<YYYY-MM-DDTHHMMSS>-<tag>.audit.json`, one file per
 * audit. The folder listing is the index, so saving is one atomic file write and there is
 * nothing else to keep in step: copy, back up or `git add` the folders as they are.
 */

export interface StoredClient {
  slug: string;
  /** The client's name as written in its newest audit. */
  name: string;
  dir: string;
  audits: number;
  lastStartedAt?: string;
}

export interface StoredAuditEntry {
  path: string;
  fileName: string;
  /** From the file name: the audit's start, to the second, UTC. */
  startedAt: string;
}

export interface StoredAudit {
  path: string;
  audit: Audit;
}

export interface LoadOptions {
  /** Called for a file in the store that cannot be read as an Audit; it is left out. */
  onSkip?: (path: string, reason: string) => void;
}

/** Saves an Audit into its client's folder and returns the file's path. Saving the same audit twice rewrites one file. */
export async function saveAuditToStore(audit: Audit, storeDir?: string): Promise<string> {
  const root = resolveStoreDir(storeDir);
  const dir = join(root, clientSlug(audit.client.name));
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new FailError(
      `cannot create the client store folder ${dir}: ${(error as Error).message}`,
      "choose another folder with --store DIR or SWEETSPOT_STORE",
    );
  }
  const path = join(dir, auditFileName(audit));
  await writeFileAtomic(path, `${JSON.stringify(audit, null, 2)}\n`, { mode: 0o600 });
  return path;
}

export async function listClients(storeDir?: string): Promise<StoredClient[]> {
  const root = resolveStoreDir(storeDir);
  const entries = await readdirOrEmpty(root);
  const clients: StoredClient[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
    const dir = join(root, entry.name);
    const audits = auditEntries(dir, await readdirOrEmpty(dir));
    if (audits.length === 0) continue;
    const newest = audits[audits.length - 1]!;
    clients.push({
      slug: entry.name,
      name: (await readClientName(newest.path)) ?? entry.name,
      dir,
      audits: audits.length,
      lastStartedAt: newest.startedAt,
    });
  }
  return clients.sort((a, b) => a.name.localeCompare(b.name));
}

/** The client's audit files, oldest first. `client` is its name or its folder's slug. */
export async function listAudits(client: string, storeDir?: string): Promise<StoredAuditEntry[]> {
  const dir = clientDir(client, storeDir);
  return auditEntries(dir, await readdirOrEmpty(dir));
}

/** Every readable Audit of the client, oldest first (by startedAt). */
export async function loadAudits(
  client: string,
  storeDir?: string,
  options: LoadOptions = {},
): Promise<StoredAudit[]> {
  const loaded: StoredAudit[] = [];
  for (const entry of await listAudits(client, storeDir)) {
    const result = await readStoredAudit(entry.path);
    if ("audit" in result) loaded.push({ path: entry.path, audit: result.audit });
    else options.onSkip?.(entry.path, result.reason);
  }
  return loaded.sort((a, b) => Date.parse(a.audit.startedAt) - Date.parse(b.audit.startedAt));
}

/** The stored audits of this audit's client that started before it (the same audit excluded), oldest first. */
export async function loadEarlierAudits(
  audit: Audit,
  storeDir?: string,
  options: LoadOptions = {},
): Promise<Audit[]> {
  const started = Date.parse(audit.startedAt);
  return (await loadAudits(audit.client.name, storeDir, options))
    .map((stored) => stored.audit)
    .filter((earlier) => Date.parse(earlier.startedAt) < started)
    .filter((earlier) => !(audit.auditId && earlier.auditId === audit.auditId));
}

export function clientDir(client: string, storeDir?: string): string {
  return join(resolveStoreDir(storeDir), clientSlug(client));
}

// --- internal ---

async function readdirOrEmpty(dir: string) {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return [];
    throw new FailError(`cannot read the client store folder ${dir}: ${code ?? (error as Error).message}`);
  }
}

function auditEntries(dir: string, entries: Awaited<ReturnType<typeof readdirOrEmpty>>): StoredAuditEntry[] {
  const audits: StoredAuditEntry[] = [];
  for (const entry of entries) {
    const match = entry.isFile() ? AUDIT_FILE_PATTERN.exec(entry.name) : null;
    if (!match) continue;
    const stamp = match[1]!;
    const startedAt = `${stamp.slice(0, 13)}:${stamp.slice(13, 15)}:${stamp.slice(15, 17)}Z`;
    audits.push({ path: join(dir, entry.name), fileName: entry.name, startedAt });
  }
  return audits.sort((a, b) => a.fileName.localeCompare(b.fileName));
}

async function readStoredAudit(path: string): Promise<{ audit: Audit } | { reason: string }> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    return { reason: `not readable JSON (${(error as Error).message.split("\n")[0]})` };
  }
  const parsed = parseAudit(raw);
  return parsed.ok
    ? { audit: parsed.audit }
    : { reason: `not a valid Audit: ${summarizeProblems(parsed.problems)}` };
}

async function readClientName(path: string): Promise<string | undefined> {
  try {
    const raw = JSON.parse(await readFile(path, "utf8")) as { client?: { name?: unknown } };
    return typeof raw.client?.name === "string" ? raw.client.name : undefined;
  } catch {
    return undefined;
  }
}
