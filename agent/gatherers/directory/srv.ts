import { Resolver } from "node:dns/promises";
import { withTimeLimit } from "../shared/time-limit.js";

/** The SRV names an Active Directory domain publishes, with the record kind each proves. */
export function adSrvNames(domain: string): { name: string; kind: string }[] {
  return [
    { name: `_ldap._tcp.dc._msdcs.${domain}`, kind: "dc" },
    { name: `_kerberos._tcp.${domain}`, kind: "kerberos" },
    { name: `_gc._tcp.${domain}`, kind: "gc" },
  ];
}

export interface SrvTarget {
  hostname: string;
  port: number;
}

export interface DnsLookup {
  srv(name: string): Promise<SrvTarget[]>;
  a(hostname: string): Promise<string[]>;
  cancel(): void;
}

/** A resolver that asks only the given servers, with a short timeout and one try each. */
export function createDnsLookup(servers: string[], timeoutMs: number, signal?: AbortSignal): DnsLookup {
  const resolver = new Resolver({ timeout: timeoutMs, tries: 1 });
  resolver.setServers(servers);
  const bound =
    (what: string) =>
    <T>(work: Promise<T>) =>
      withTimeLimit(work, timeoutMs * (servers.length + 1), what, signal, () => resolver.cancel());
  return {
    srv: async (name) =>
      (await bound(`DNS SRV ${name}`)(resolver.resolveSrv(name).catch(notFoundIsEmpty))).map((r) => ({
        hostname: r.name.replace(/\.$/, "").toLowerCase(),
        port: r.port,
      })),
    a: (hostname) => bound(`DNS A ${hostname}`)(resolver.resolve4(hostname).catch(notFoundIsEmpty)),
    cancel: () => resolver.cancel(),
  };
}

function notFoundIsEmpty(error: NodeJS.ErrnoException): never[] {
  if (error.code === "ENOTFOUND" || error.code === "ENODATA" || error.code === "ENONAME") return [];
  throw error;
}
