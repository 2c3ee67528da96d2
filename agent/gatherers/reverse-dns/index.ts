import { Resolver } from "node:dns/promises";
import ipaddr from "ipaddr.js";
import { defineGatherer, type GatherContext, type Gatherer } from "../../gatherer.js";
import { isExcluded, isLoopback } from "../shared/address.js";
import { reason } from "../shared/errors.js";
import { cleanText } from "../shared/text.js";

export const REVERSE_DNS_ID = "reverse-dns";

/** PTR names of one address; rejects with the DNS error code (ENOTFOUND, ETIMEOUT…). */
export type ReverseLookup = (ip: string) => Promise<string[]>;

export interface ReverseDnsOptions {
  /** Resolvers to ask (the consultant's --dns-servers); by default the system's. */
  servers?: string[];
  /** Per query; one try. A dead resolver then costs this once, all lookups being in flight together. */
  timeoutMs: number;
  /** Bound on the whole gatherer, whatever the resolver does. */
  limitMs: number;
  /** Replaces node:dns (tests). */
  lookup?: { servers: string[]; reverse: ReverseLookup; cancel: () => void };
}

export const DEFAULT_REVERSE_DNS_OPTIONS: ReverseDnsOptions = { timeoutMs: 1000, limitMs: 3000 };

/**
 * The errors that are an answer: "no such name" and "no PTR record". Anything else (ETIMEOUT,
 * ECONNREFUSED, ESERVFAIL, ECANCELLED, EDESTRUCTION when node re-reads resolv.conf after a
 * refusal…) means the resolver did not answer.
 */
const ANSWERS = new Set(["ENOTFOUND", "ENODATA"]);

/**
 * PTR names of the live hosts, all asked at once. nmap runs with -n: its own reverse lookups went
 * through the system resolver one batch at a time, and a dead resolver stalled discovery for
 * minutes (BENCHMARKS.md); here it costs one timeout, during the service scan.
 */
export function createReverseDnsGatherer(options: ReverseDnsOptions = DEFAULT_REVERSE_DNS_OPTIONS): Gatherer {
  return defineGatherer({
    id: REVERSE_DNS_ID,
    version: 1,
    // Needs only the live hosts: runs alongside the service scan, off the scan's critical path.
    phase: "services",
    run: (ctx) => gatherReverseDns(ctx, options),
  });
}

export async function gatherReverseDns(ctx: GatherContext, options: ReverseDnsOptions): Promise<void> {
  // Loopback gets no lookup: the answer is known, and the query would leave for a real resolver.
  const ips = ctx
    .hosts()
    .filter((h) => h.status.state === "up" && ctx.isAllowed(h.ip) && !isLoopback(h.ip))
    .map((h) => h.ip);
  if (ips.length === 0 || ctx.signal.aborted) return;
  const lookup = options.lookup ?? systemLookup(options);
  const servers = lookup.servers;
  if (servers.length === 0) return;
  if (servers.some((s) => isExcluded(serverAddress(s), ctx.scope.excluded))) {
    ctx.warn(REVERSE_DNS_ID, "a DNS server is on the exclude list: reverse lookups skipped");
    return;
  }
  const done = ctx.probe({
    id: REVERSE_DNS_ID,
    tool: "node:dns",
    command: `PTR lookups of ${ips.length} live host${ips.length === 1 ? "" : "s"}, all at once, ${options.timeoutMs} ms timeout, one try`,
    targets: servers,
  });

  let answered = 0;
  let named = 0;
  let lastError = "";
  const stop = () => lookup.cancel();
  ctx.signal.addEventListener("abort", stop, { once: true });
  const timer = setTimeout(stop, options.limitMs);
  try {
    await Promise.all(
      ips.map(async (ip) => {
        try {
          const names = [...new Set(await lookup.reverse(ip))];
          answered++;
          const hostnames = names
            .map((n) => cleanText(n, 253).replace(/\.$/, ""))
            .filter((n) => n.length > 0)
            .map((name) => ({ name, type: "PTR" }));
          if (hostnames.length === 0) return;
          named++;
          ctx.addHostFacts(ip, { hostnames }, REVERSE_DNS_ID);
        } catch (error) {
          const code = (error as { code?: string }).code;
          // An answer all the same: the host has no name.
          if (code && ANSWERS.has(code)) answered++;
          else lastError = code ?? reason(error);
        }
      }),
    );
  } finally {
    clearTimeout(timer);
    ctx.signal.removeEventListener("abort", stop);
  }
  if (ctx.signal.aborted) {
    done("interrupted", "stopped by the user");
    return;
  }
  if (answered === 0) {
    const message = `the DNS server (${servers.join(", ")}) did not answer reverse lookups (${lastError || "no answer"}): hosts have no DNS names`;
    ctx.warn(REVERSE_DNS_ID, message);
    done("error", message);
    return;
  }
  done("ok", `${named} of ${ips.length} hosts have a DNS name`);
}

function systemLookup(options: ReverseDnsOptions): NonNullable<ReverseDnsOptions["lookup"]> {
  const resolver = new Resolver({ timeout: options.timeoutMs, tries: 1 });
  if (options.servers?.length) resolver.setServers(options.servers);
  return {
    servers: resolver.getServers(),
    // resolvePtr, not reverse(): reverse() reports a silent resolver as ENOTFOUND, like "no name".
    reverse: (ip) => resolver.resolvePtr(arpaName(ip)),
    cancel: () => resolver.cancel(),
  };
}

/** 10.0.0.1 → 1.0.0.10.in-addr.arpa; IPv6 → its nibbles under ip6.arpa. */
export function arpaName(ip: string): string {
  const address = ipaddr.parse(ip);
  if (address.kind() === "ipv4") return `${address.toByteArray().reverse().join(".")}.in-addr.arpa`;
  const nibbles = address
    .toByteArray()
    .flatMap((byte) => [byte >> 4, byte & 15])
    .map((n) => n.toString(16));
  return `${nibbles.reverse().join(".")}.ip6.arpa`;
}

/** "10.0.0.1", "10.0.0.1:53", "[fe80::1]:53" → the address. */
function serverAddress(server: string): string {
  const bracketed = /^\[([^\]]+)\]/.exec(server);
  if (bracketed) return bracketed[1] ?? server;
  const v4port = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(server);
  return v4port?.[1] ?? server;
}
