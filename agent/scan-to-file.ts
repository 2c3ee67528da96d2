import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { writeFileAtomic } from "../lib/atomic-write.js";
import { checkDestination } from "../lib/check-destination.js";
import { describeError, FailError, UsageError } from "../lib/errors.js";
import type { Progress } from "../lib/progress.js";
import { saveAuditToStore } from "../report/history/store.js";
import type { Audit } from "../schema/audit.js";
import type { Gatherer, ScanOptions } from "./gatherer.js";
import { NMAP_INSTALL_HINT } from "./nmap/exec.js";
import type { NmapSettings } from "./nmap/nmap-settings.js";
import { runScan } from "./run-scan.js";
import { askOnTerminal, confirmScope } from "./scope/confirm-scope.js";
import { type ListInterfaces, listInterfacesWithSysteminformation } from "./scope/detect-local-subnets.js";
import { resolveScope } from "./scope/resolve-scope.js";

/** The scan's command-line flags (cli/commands/scan.ts), also used by `sweetspot assess`. */
export interface ScanFlags {
  out?: string;
  client: string;
  site?: string;
  yes?: boolean;
  exclude?: string[];
  snmpCommunity?: string[];
  pingTarget?: string[];
  rate?: number;
  hostTimeout?: number;
  parallel?: number;
  allowPublic?: boolean;
  force?: boolean;
  authorizedBy?: string;
  unprivileged?: boolean;
  quiet?: boolean;
  /** nmap --dns-servers for reverse lookups (default: the host's resolver). */
  dnsServers?: string[];
  /** Client store folder; false (--no-store) keeps the audit out of the store. */
  store?: string | false;
}

/** Prospect-safe defaults; see the README's scan section for why. */
export const SCAN_DEFAULTS = {
  rate: 300,
  hostTimeoutSeconds: 300,
  parallelHosts: 8,
  snmpCommunities: ["public"],
} as const;

export interface ScanToFileDeps {
  listInterfaces?: ListInterfaces;
  gatherers?: Gatherer[];
  nmap?: NmapSettings;
  /** Whether the process may send raw packets (default: running as root). */
  isRoot?: () => boolean;
  interactive?: boolean;
  ask?: (question: string) => Promise<string>;
  today?: () => Date;
}

/**
 * Resolves and confirms the scope, runs the scan and writes the Audit (mode 0600, atomically).
 * Ctrl-C or a lost nmap still writes the Audit gathered so far (status "partial"), then throws
 * FailError naming the file.
 */
export async function scanToFile(
  targets: string[],
  flags: ScanFlags,
  progress: Progress,
  deps: ScanToFileDeps = {},
): Promise<{ audit: Audit; outPath: string }> {
  const client = flags.client?.trim();
  if (!client) throw new UsageError("--client is required", 'name the prospect, e.g. --client "Acme Dental"');
  const options: ScanOptions = {
    targets,
    exclude: flags.exclude ?? [],
    snmpCommunities: flags.snmpCommunity?.length ? flags.snmpCommunity : [...SCAN_DEFAULTS.snmpCommunities],
    pingTargets: flags.pingTarget ?? [],
    maxPacketsPerSecond: positive(flags.rate ?? SCAN_DEFAULTS.rate, "--rate"),
    perHostTimeoutSeconds: positive(flags.hostTimeout ?? SCAN_DEFAULTS.hostTimeoutSeconds, "--host-timeout"),
    parallelHosts: positive(flags.parallel ?? SCAN_DEFAULTS.parallelHosts, "--parallel"),
    privileged: !flags.unprivileged && (deps.isRoot ?? (() => process.getuid?.() === 0))(),
    client: { name: client, ...(flags.site ? { site: flags.site } : {}) },
    ...(flags.authorizedBy ? { authorizedBy: flags.authorizedBy } : {}),
  };
  const outPath = resolve(flags.out ?? defaultOutName(client, (deps.today ?? (() => new Date()))()));
  await checkDestination(outPath);

  const scope = await resolveScope(
    {
      targets,
      exclude: options.exclude,
      allowPublic: Boolean(flags.allowPublic),
      force: Boolean(flags.force),
    },
    deps.listInterfaces ?? listInterfacesWithSysteminformation,
  );
  await confirmScope(scope, {
    yes: Boolean(flags.yes),
    interactive: deps.interactive ?? Boolean(process.stdin.isTTY && process.stderr.isTTY),
    ask: deps.ask ?? askOnTerminal,
    print: (line) => process.stderr.write(`${line}\n`),
  });
  const nmap: NmapSettings = {
    ...deps.nmap,
    ...(flags.dnsServers?.length ? { dnsServers: flags.dnsServers } : {}),
  };
  if (!deps.gatherers) await checkNmap(nmap.path);

  const controller = new AbortController();
  const onSignal = (name: string) => () => {
    progress.warn(`${name}: stopping the scan and writing what was gathered…`);
    controller.abort();
  };
  const onInt = onSignal("interrupted");
  const onTerm = onSignal("terminated");
  process.on("SIGINT", onInt);
  process.on("SIGTERM", onTerm);
  let audit: Audit;
  try {
    audit = await runScan(options, {
      scope,
      signal: controller.signal,
      progress,
      nmap,
      gatherers: deps.gatherers,
    });
  } finally {
    process.off("SIGINT", onInt);
    process.off("SIGTERM", onTerm);
  }
  await writeFileAtomic(outPath, `${JSON.stringify(audit, null, 2)}\n`, { mode: 0o600 });
  if (audit.status === "partial") {
    const why = controller.signal.aborted ? "the scan was interrupted" : "an nmap run did not finish";
    throw new FailError(`${why}: partial audit written to ${outPath}`, "rerun the scan to complete it");
  }
  if (flags.store !== false) await keepInStore(audit, flags.store, progress);
  return { audit, outPath };
}

export function defaultOutName(client: string, day: Date): string {
  const slug =
    client
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "client";
  return `${slug}-${day.toISOString().slice(0, 10)}.audit.json`;
}

function positive(value: number, flag: string): number {
  if (!Number.isFinite(value) || value <= 0)
    throw new UsageError(`${flag} ${value}: expected a positive number`);
  return value;
}

async function checkNmap(path = "nmap"): Promise<void> {
  try {
    await promisify(execFile)(path, ["--version"], { timeout: 10_000 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new FailError("nmap is not installed (or not on PATH)", NMAP_INSTALL_HINT);
    throw new FailError(`nmap does not run: ${(error as Error).message.split("\n")[0]}`, NMAP_INSTALL_HINT);
  }
}

// --- internal ---

/** Every complete audit also goes to the client store, for quarterly comparisons. */
async function keepInStore(audit: Audit, storeDir: string | undefined, progress: Progress): Promise<void> {
  try {
    const saved = await saveAuditToStore(audit, storeDir);
    progress.info(`kept in the client store: ${saved}`);
  } catch (error) {
    // The audit file is already written: a store problem must not fail the scan.
    progress.warn(`could not keep the audit in the client store: ${describeError(error)}`);
  }
}
