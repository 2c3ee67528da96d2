import type { Domain, Workgroup } from "../../../schema/audit.js";
import { defineGatherer, type GatherContext } from "../../gatherer.js";
import { isExcluded, isIPv4 } from "../shared/address.js";
import { reason } from "../shared/errors.js";
import { mapLimit } from "../shared/map-limit.js";
import { cleanDomainName } from "../shared/text.js";
import { collectorSignal } from "../shared/time-limit.js";
import { domainHintsFromHosts, netbiosGroups } from "./names-from-hosts.js";
import { domainFromRootDse, readRootDse } from "./root-dse.js";
import { adSrvNames, createDnsLookup, type DnsLookup } from "./srv.js";

export const DIRECTORY_ID = "directory";

export interface DirectoryOptions {
  /** Per DNS query, per server. */
  dnsTimeoutMs: number;
  /** LDAP connect and search. */
  ldapTimeoutMs: number;
  ldapPort: number;
  /** Replaces the real resolver in tests. */
  lookup?: (servers: string[], signal: AbortSignal) => DnsLookup;
}

export const DEFAULT_DIRECTORY_OPTIONS: DirectoryOptions = {
  dnsTimeoutMs: 2000,
  ldapTimeoutMs: 3000,
  ldapPort: 389,
};

export function createDirectoryGatherer(options: DirectoryOptions = DEFAULT_DIRECTORY_OPTIONS) {
  return defineGatherer({
    id: DIRECTORY_ID,
    version: 1,
    phase: "enrich",
    run: (ctx) => gatherDirectory(ctx, options),
  });
}

export const directoryGatherer = createDirectoryGatherer();

/**
 * Active Directory domains (DNS SRV, then each controller's anonymous LDAP rootDSE) and
 * NetBIOS workgroups/domains (nbstat names). Fills ctx.draft.directory.
 */
export async function gatherDirectory(ctx: GatherContext, options: DirectoryOptions): Promise<void> {
  const domains = new Map<string, Domain>();
  const hosts = ctx.hosts();
  const merge = (incoming: Domain): Domain => {
    const existing = domains.get(incoming.dnsName);
    if (!existing) {
      domains.set(incoming.dnsName, {
        ...incoming,
        controllers: [...incoming.controllers],
        sources: [...incoming.sources],
      });
      return domains.get(incoming.dnsName)!;
    }
    for (const c of incoming.controllers) {
      const same = existing.controllers.find(
        (e) => (c.ip && e.ip === c.ip) || (c.hostname && e.hostname === c.hostname),
      );
      if (same) {
        same.ip ??= c.ip;
        same.hostname ??= c.hostname;
        same.port ??= c.port;
      } else existing.controllers.push({ ...c });
    }
    for (const s of incoming.sources) if (!existing.sources.includes(s)) existing.sources.push(s);
    existing.netbiosName ??= incoming.netbiosName;
    existing.functionalLevel ??= incoming.functionalLevel;
    existing.forestFunctionalLevel ??= incoming.forestFunctionalLevel;
    existing.domainControllerFunctionality ??= incoming.domainControllerFunctionality;
    existing.namingContext ??= incoming.namingContext;
    existing.forestName ??= incoming.forestName;
    return existing;
  };

  // 1. Candidate domain names: the agent's search domain and membership, and what scripts saw.
  const candidates = new Map<string, Set<string>>();
  const candidate = (raw: string | undefined, source: string): void => {
    const name = raw ? cleanDomainName(raw) : undefined;
    if (!name?.includes(".")) return;
    const set = candidates.get(name) ?? new Set<string>();
    set.add(source);
    candidates.set(name, set);
  };
  candidate(ctx.draft.agent?.searchDomain, "agent-host");
  if (ctx.draft.agent?.domainJoined?.joined) candidate(ctx.draft.agent.domainJoined.domain, "agent-host");
  const hints = domainHintsFromHosts(hosts);
  for (const hint of hints) candidate(hint.dnsName, hint.source);

  // 2. DNS SRV through the agent's own DNS servers (allowed outside the scope, never when excluded).
  const servers = (ctx.draft.agent?.dnsServers ?? []).filter(
    (ip) => isIPv4(ip) && !isExcluded(ip, ctx.scope.excluded),
  );
  if (candidates.size > 0 && servers.length === 0) {
    ctx.warn(
      DIRECTORY_ID,
      "no usable DNS server on the agent host: Active Directory SRV records not looked up",
    );
  }
  if (candidates.size > 0 && servers.length > 0 && !ctx.signal.aborted) {
    const names = [...candidates.keys()];
    const done = ctx.probe({
      id: "dns-srv",
      tool: "node:dns",
      command: `SRV _ldap._tcp.dc._msdcs / _kerberos._tcp / _gc._tcp for ${names.join(", ")}`,
      targets: servers,
    });
    const lookup = (options.lookup ?? ((s, signal) => createDnsLookup(s, options.dnsTimeoutMs, signal)))(
      servers,
      ctx.signal,
    );
    let failures = 0;
    try {
      for (const dnsName of names) {
        if (ctx.signal.aborted) break;
        for (const { name, kind } of adSrvNames(dnsName)) {
          try {
            const targets = await lookup.srv(name);
            if (targets.length === 0) continue;
            const domain: Domain = { dnsName, controllers: [], sources: ["dns-srv"] };
            // Kerberos and GC SRV records also list DCs; LDAP dc._msdcs is the authoritative list.
            for (const t of targets) {
              let ips: string[] = [];
              try {
                ips = await lookup.a(t.hostname);
              } catch (error) {
                ctx.warn(DIRECTORY_ID, `DNS A lookup of ${t.hostname} failed: ${reason(error)}`);
              }
              domain.controllers.push({
                hostname: t.hostname,
                ip: ips[0],
                port: t.port,
                source: `dns-srv-${kind}`,
              });
            }
            merge(domain);
          } catch (error) {
            failures++;
            ctx.warn(DIRECTORY_ID, `DNS SRV ${name} failed: ${reason(error)}`);
          }
        }
      }
    } finally {
      lookup.cancel();
      done(
        ctx.signal.aborted ? "interrupted" : failures > 0 ? "error" : "ok",
        failures > 0 ? `${failures} lookups failed` : undefined,
      );
    }
  }

  // 3. rootDSE: every controller the DNS named plus every live host with LDAP open, in scope only.
  const ldapTargets = new Map<string, number>();
  for (const d of domains.values()) {
    for (const c of d.controllers) {
      if (!c.ip) continue;
      if (ctx.isAllowed(c.ip)) ldapTargets.set(c.ip, options.ldapPort);
      else
        ctx.warn(
          DIRECTORY_ID,
          `domain controller ${c.hostname ?? c.ip} (${c.ip}) is outside the scope: LDAP not read`,
          c.ip,
        );
    }
  }
  for (const h of hosts) {
    if (
      h.services.some((s) => s.port === 389 && s.protocol === "tcp" && s.state === "open") &&
      ctx.isAllowed(h.ip)
    ) {
      ldapTargets.set(h.ip, options.ldapPort);
    }
  }
  const targets = [...ldapTargets.keys()];
  if (targets.length > 0 && !ctx.signal.aborted) {
    const done = ctx.probe({
      id: "ldap-rootdse",
      tool: "ldapts",
      command: 'anonymous LDAP search base "" scope base',
      targets,
    });
    let failures = 0;
    const signal = collectorSignal(ctx.signal);
    await mapLimit(
      targets,
      4,
      async (ip) => {
        try {
          const rootDse = await readRootDse(ip, {
            port: ldapTargets.get(ip),
            timeoutMs: options.ldapTimeoutMs,
            signal,
          });
          const domain = domainFromRootDse(rootDse, ip, ldapTargets.get(ip));
          if (domain) merge(domain);
        } catch (error) {
          failures++;
          ctx.warn(DIRECTORY_ID, `LDAP rootDSE of ${ip} not readable: ${reason(error)}`, ip);
        }
      },
      ctx.signal,
    );
    done(ctx.signal.aborted ? "interrupted" : failures === targets.length ? "error" : "ok");
  }

  // 4. Domains only seen in scripts (no SRV, no LDAP answer) still count, with their sources.
  for (const hint of hints) {
    const d = domains.get(hint.dnsName);
    if (d) {
      if (!d.sources.includes(hint.source)) d.sources.push(hint.source);
      d.netbiosName ??= hint.netbiosName;
    } else
      merge({
        dnsName: hint.dnsName,
        netbiosName: hint.netbiosName,
        controllers: [],
        sources: [hint.source],
      });
  }
  const agentDomain = ctx.draft.agent?.domainJoined;
  if (agentDomain?.joined && agentDomain.domain) {
    const d = domains.get(cleanDomainName(agentDomain.domain) ?? "");
    if (d && !d.sources.includes("agent-host")) d.sources.push("agent-host");
  }

  // 5. NetBIOS: domains get their NetBIOS name and <1C> controllers; the rest are workgroups.
  const workgroups: Workgroup[] = [];
  for (const g of netbiosGroups(hosts)) {
    if (g.kind === "workgroup") {
      // Without nbstat's <1C> (no UDP scan), a domain's members still name its NetBIOS domain.
      const confirmed = [...domains.values()].find(
        (d) =>
          d.netbiosName === g.name ||
          (d.dnsName.split(".")[0]?.toUpperCase() === g.name &&
            (d.sources.includes("dns-srv") || d.sources.includes("ldap-rootdse"))),
      );
      if (!confirmed) {
        workgroups.push({ name: g.name, hosts: g.members, sources: g.sources });
        continue;
      }
      confirmed.netbiosName ??= g.name;
      for (const source of g.sources) if (!confirmed.sources.includes(source)) confirmed.sources.push(source);
      continue;
    }
    const domain =
      [...domains.values()].find((d) => d.netbiosName === g.name) ??
      [...domains.values()].find((d) => d.dnsName.split(".")[0]?.toUpperCase() === g.name) ??
      [...domains.values()].find((d) => d.controllers.some((c) => c.ip && g.controllers.includes(c.ip)));
    if (domain) {
      domain.netbiosName ??= g.name;
      for (const ip of g.controllers) {
        const c = domain.controllers.find((x) => x.ip === ip);
        if (!c) domain.controllers.push({ ip, source: "nbstat" });
      }
      if (!domain.sources.includes("nbstat")) domain.sources.push("nbstat");
    } else {
      // A NetBIOS domain whose DNS name nobody told: recorded under its NetBIOS name.
      merge({
        dnsName: g.name.toLowerCase(),
        netbiosName: g.name,
        controllers: g.controllers.map((ip) => ({ ip, source: "nbstat" })),
        sources: ["nbstat"],
      });
      ctx.warn(
        DIRECTORY_ID,
        `NetBIOS domain ${g.name} has domain controllers (<1C>) but its DNS name is unknown`,
      );
    }
  }

  ctx.draft.directory.domains = mergeInto(ctx.draft.directory.domains, [...domains.values()]);
  ctx.draft.directory.workgroups = [...ctx.draft.directory.workgroups, ...workgroups];
}

function mergeInto(existing: Domain[], found: Domain[]): Domain[] {
  const byName = new Map(existing.map((d) => [d.dnsName, d]));
  for (const d of found) if (!byName.has(d.dnsName)) byName.set(d.dnsName, d);
  return [...byName.values()];
}
