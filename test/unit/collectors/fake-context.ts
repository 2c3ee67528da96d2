import { Writable } from "node:stream";
import type { AuditDraft, GatherContext, ScanOptions } from "../../../agent/gatherer.js";
import { Progress } from "../../../lib/progress.js";
import { type Host, HostSchema, type HostInput } from "../../../schema/audit.js";

/** A GatherContext over plain data: hosts given up front, facts merged shallowly, nothing printed. */
export function fakeContext(init: {
  hosts?: HostInput[];
  allowed?: (ip: string) => boolean;
  options?: Partial<ScanOptions>;
  excluded?: string[];
  draft?: Partial<AuditDraft>;
  signal?: AbortSignal;
}) {
  const hosts = new Map<string, Host>((init.hosts ?? []).map((h) => [h.ip, HostSchema.parse(h)]));
  const draft: AuditDraft = {
    directory: { domains: [], workgroups: [] },
    network: { dns: [], wan: [] },
    nmap: [],
    warnings: [],
    probes: [],
    ...init.draft,
  };
  const allowed = init.allowed ?? (() => true);
  const silent = new Writable({ write: (_c, _e, cb) => cb() }) as unknown as NodeJS.WriteStream;
  const ctx: GatherContext = {
    options: {
      targets: [],
      exclude: init.excluded ?? [],
      snmpCommunities: ["public"],
      pingTargets: [],
      maxPacketsPerSecond: 300,
      perHostTimeoutSeconds: 60,
      parallelHosts: 8,
      privileged: false,
      client: { name: "Test" },
      ...init.options,
    },
    scope: { targets: [], excluded: init.excluded ?? [] },
    isAllowed: allowed,
    signal: init.signal ?? new AbortController().signal,
    progress: new Progress({ stream: silent, quiet: true }),
    draft,
    hosts: () => [...hosts.values()],
    addHostFacts(ip, facts, source) {
      const existing = hosts.get(ip) ?? HostSchema.parse({ ip, status: { state: "up" } });
      const merged: Host = {
        ...existing,
        ...facts,
        hostnames: [...existing.hostnames, ...(facts.hostnames ?? [])],
        announcements: [...existing.announcements, ...(facts.announcements ?? [])],
        sources: [...new Set([...existing.sources, source])],
      };
      hosts.set(ip, merged);
    },
    warn(source, message, host) {
      draft.warnings.push({ source, message, ...(host ? { host } : {}) });
    },
    probe(record) {
      const entry = {
        ...record,
        targets: record.targets ?? [],
        startedAt: new Date().toISOString(),
        status: "interrupted" as const,
      };
      draft.probes.push(entry);
      return (status, message) => {
        Object.assign(entry, {
          status,
          finishedAt: new Date().toISOString(),
          ...(message ? { message } : {}),
        });
      };
    },
  };
  return { ctx, draft, hosts: () => [...hosts.values()] };
}

export const fixture = (name: string): string =>
  new URL(`../../fixtures/collectors/${name}`, import.meta.url).pathname;
