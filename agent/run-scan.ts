import { randomUUID } from "node:crypto";
import { setMaxListeners } from "node:events";
import { userInfo } from "node:os";
import { describeError, FailError } from "../lib/errors.js";
import { TOOL_NAME, toolVersion } from "../lib/package-root.js";
import { Progress } from "../lib/progress.js";
import { type AgentHost, type Audit, AUDIT_SCHEMA_VERSION, AuditSchema } from "../schema/audit.js";
import { summarizeProblems, problemsFromZod } from "../schema/issues.js";
import { createGatherContext } from "./context.js";
import type { Gatherer, ScanOptions } from "./gatherer.js";
import { createDiscoveryGatherer } from "./nmap/discovery-gatherer.js";
import { findSharedMacs } from "./nmap/flag-shared-macs.js";
import type { NmapSettings } from "./nmap/nmap-settings.js";
import { createServicesGatherer } from "./nmap/services-gatherer.js";
import { buildScope, type ResolvedScope } from "./scope/resolve-scope.js";
import { ipToNumber } from "./scope/ipv4-ranges.js";
import { collectorGatherers } from "./gatherers/index.js";
import { createReverseDnsGatherer, DEFAULT_REVERSE_DNS_OPTIONS } from "./gatherers/reverse-dns/index.js";

/**
 * The phases in the order they run; phases in one step run together. The WAN/LAN pings need
 * nothing from enrich, and enrich's few packets do not disturb them, so they share a step.
 */
export const PHASE_STEPS: Gatherer["phase"][][] = [
  ["local"],
  ["discovery"],
  ["services"],
  ["enrich", "network"],
];

/** After Ctrl-C, gatherers that ignore the signal get this long before the Audit is written without them. */
const ABORT_GRACE_MS = 5000;

export interface RunScanDeps {
  /** Defaults to the nmap gatherers plus the collectors. */
  gatherers?: Gatherer[];
  /** The confirmed scope; by default built from options.targets (explicit targets only). */
  scope?: ResolvedScope;
  signal?: AbortSignal;
  progress?: Progress;
  nmap?: NmapSettings;
  now?: () => Date;
  /** After an abort, how long to wait for gatherers that ignore it (default 5 s). */
  abortGraceMs?: number;
}

export function defaultGatherers(nmap: NmapSettings = {}): Gatherer[] {
  return [
    createDiscoveryGatherer({ settings: nmap }),
    createServicesGatherer({ settings: nmap }),
    ...(nmap.noDns
      ? []
      : [createReverseDnsGatherer({ ...DEFAULT_REVERSE_DNS_OPTIONS, servers: nmap.dnsServers })]),
    ...collectorGatherers,
  ];
}

/**
 * Runs every gatherer, step by step (PHASE_STEPS; the gatherers of one step in parallel), and
 * assembles the Audit. A gatherer that throws becomes a warning. When the signal aborts, the Audit
 * gathered so far is returned with status "partial".
 */
export async function runScan(options: ScanOptions, deps: RunScanDeps = {}): Promise<Audit> {
  const now = deps.now ?? (() => new Date());
  const startedAt = now().toISOString();
  const scope =
    deps.scope ??
    buildScope({ targets: options.targets, exclude: options.exclude, allowPublic: false, force: false });
  const signal = deps.signal ?? new AbortController().signal;
  // Every gatherer and nmap process listens for the abort; dozens of listeners are expected.
  setMaxListeners(200, signal);
  const progress = deps.progress ?? new Progress({ quiet: true });
  const gatherers = deps.gatherers ?? defaultGatherers(deps.nmap);
  const { ctx, draft, hosts } = createGatherContext({
    options,
    scope: { targets: scope.nmapTargets, excluded: scope.nmapExcludes },
    isAllowed: scope.isAllowed,
    signal,
    progress,
    now,
  });

  let interruptedIn: string | undefined;
  for (const step of PHASE_STEPS) {
    const phase = step.join(" and ");
    if (signal.aborted) {
      interruptedIn ??= phase;
      break;
    }
    const inPhase = gatherers.filter((g) => step.includes(g.phase));
    const settled = Promise.all(
      inPhase.map(async (gatherer) => {
        try {
          await gatherer.run(ctx);
        } catch (error) {
          ctx.warn(gatherer.id, `failed: ${describeError(error)}`);
        }
      }),
    );
    await untilAbortedPlusGrace(settled, signal, deps.abortGraceMs ?? ABORT_GRACE_MS);
    if (signal.aborted) {
      interruptedIn = phase;
      break;
    }
    if (step.includes("discovery")) flagSharedMacs(ctx.addHostFacts, hosts());
  }
  flagSharedMacs(ctx.addHostFacts, hosts());

  if (interruptedIn) {
    ctx.warn(
      "scan",
      `interrupted during the ${interruptedIn} phase: the facts gathered until then are kept, later phases did not run`,
    );
  }
  const partial = Boolean(interruptedIn) || draft.probes.some((probe) => probe.status === "interrupted");

  const audit = {
    schemaVersion: AUDIT_SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: toolVersion() },
    auditId: randomUUID(),
    startedAt,
    finishedAt: now().toISOString(),
    status: partial ? "partial" : "complete",
    client: options.client,
    agent: draft.agent ?? minimalAgent(options),
    scope: { targets: scope.targets, excluded: scope.excluded, autoDetected: scope.autoDetected },
    engagement: {
      ...(options.authorizedBy ? { authorizedBy: options.authorizedBy } : {}),
      rate: {
        maxPacketsPerSecond: options.maxPacketsPerSecond,
        perHostTimeoutSeconds: options.perHostTimeoutSeconds,
        parallelHosts: options.parallelHosts,
      },
      privileged: options.privileged,
      probes: draft.probes,
    },
    hosts: hosts().sort((a, b) => ipToNumber(a.ip) - ipToNumber(b.ip)),
    directory: draft.directory,
    network: draft.network,
    nmap: draft.nmap,
    warnings: draft.warnings,
  };
  const result = AuditSchema.safeParse(audit);
  if (!result.success) {
    throw new FailError(
      `the scan produced an invalid Audit (${summarizeProblems(problemsFromZod(result.error))})`,
      "this is a bug: please report it",
    );
  }
  return result.data;
}

function flagSharedMacs(
  addHostFacts: (ip: string, facts: { sharedMacWith: string[] }, source: string) => void,
  hosts: { ip: string; mac?: string }[],
): void {
  for (const [ip, others] of findSharedMacs(hosts)) addHostFacts(ip, { sharedMacWith: others }, "shared-mac");
}

async function untilAbortedPlusGrace(
  work: Promise<unknown>,
  signal: AbortSignal,
  graceMs: number,
): Promise<void> {
  if (signal.aborted) {
    await Promise.race([work, delay(graceMs)]);
    return;
  }
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<void>((resolve) => {
    onAbort = () => resolve();
    signal.addEventListener("abort", onAbort, { once: true });
  });
  await Promise.race([work, aborted.then(() => Promise.race([work, delay(graceMs)]))]);
  if (onAbort) signal.removeEventListener("abort", onAbort);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function minimalAgent(options: ScanOptions): AgentHost {
  let user: string | undefined;
  try {
    user = userInfo().username;
  } catch {
    user = undefined;
  }
  return {
    interfaces: [],
    dnsServers: [],
    wifiNetworks: [],
    antivirus: [],
    privileges: {
      ...(user ? { user } : {}),
      admin: process.getuid?.() === 0,
      rawSockets: options.privileged,
    },
    nodeVersion: process.version,
  };
}
