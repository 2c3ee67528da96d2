import type { AuditDraft, GatherContext, ScanOptions } from "./gatherer.js";
import type { Progress } from "../lib/progress.js";
import { type Host, HostSchema, type ProbeRecord } from "../schema/audit.js";
import { mergeHost } from "./merge-hosts.js";

export interface ContextInput {
  options: ScanOptions;
  /** nmap-ready CIDR blocks of the scope and of the exclusions. */
  scope: { targets: string[]; excluded: string[] };
  isAllowed(ip: string): boolean;
  signal: AbortSignal;
  progress: Progress;
  now?: () => Date;
}

export interface ContextHandle {
  ctx: GatherContext;
  draft: AuditDraft;
  /** Every host gathered so far. */
  hosts(): Host[];
}

/**
 * The shared state gatherers write into. Facts about an address outside the allowed scope (an
 * excluded host heard in an announcement, say) are dropped: the consultant said to leave it alone.
 */
export function createGatherContext(input: ContextInput): ContextHandle {
  const now = input.now ?? (() => new Date());
  const hostsByIp = new Map<string, Host>();
  const draft: AuditDraft = {
    directory: { domains: [], workgroups: [] },
    network: { dns: [], wan: [] },
    nmap: [],
    warnings: [],
    probes: [],
  };

  const ctx: GatherContext = {
    options: input.options,
    scope: input.scope,
    isAllowed: input.isAllowed,
    signal: input.signal,
    progress: input.progress,
    draft,
    hosts: () => [...hostsByIp.values()],
    addHostFacts(ip, facts, source) {
      if (!input.isAllowed(ip)) return;
      const existing = hostsByIp.get(ip) ?? HostSchema.parse({ ip, status: { state: "up" } });
      const merged = mergeHost(existing, { ...facts, ip });
      if (!merged.sources.includes(source)) merged.sources = [...merged.sources, source];
      hostsByIp.set(ip, merged);
    },
    warn(source, message, host) {
      draft.warnings.push({ source, message, ...(host ? { host } : {}) });
    },
    probe(record) {
      const entry: ProbeRecord = {
        ...record,
        targets: record.targets ?? [],
        startedAt: now().toISOString(),
        status: "interrupted",
      };
      draft.probes.push(entry);
      return (status, message) => {
        entry.status = status;
        entry.finishedAt = now().toISOString();
        if (message) entry.message = message;
      };
    },
  };
  return { ctx, draft, hosts: ctx.hosts };
}
