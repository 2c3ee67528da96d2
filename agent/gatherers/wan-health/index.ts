import ping from "ping";
import type { PingStats } from "../../../schema/audit.js";
import { defineGatherer, type GatherContext } from "../../gatherer.js";
import { isExcluded, isIPv4, isLoopback } from "../shared/address.js";
import { reason } from "../shared/errors.js";
import { pingStats, rttsFromPingOutput } from "./stats.js";

export const WAN_HEALTH_ID = "wan-health";

/**
 * Ping targets outside the LAN when the consultant gives none: two anycast resolvers run by
 * different companies (Cloudflare, Google), so one provider's incident does not read as the
 * client's WAN failing. The CLI applies them; this collector pings only what it is given.
 */
export const DEFAULT_PING_TARGETS = ["1.1.1.1", "8.8.8.8"] as const;

export interface WanHealthOptions {
  /** Echo requests per target. */
  count: number;
  /** Seconds between requests (0.2 is the least an unprivileged Linux user may ask for). */
  intervalSeconds: number;
  /** Seconds to wait for each reply. */
  replyTimeoutSeconds: number;
  /** Replaces the ping package in tests: resolves with ping's raw output. */
  pinger?: (target: string, options: WanHealthOptions) => Promise<string>;
}

export const DEFAULT_WAN_HEALTH_OPTIONS: WanHealthOptions = {
  count: 10,
  intervalSeconds: 0.2,
  replyTimeoutSeconds: 1,
};

export function createWanHealthGatherer(options: WanHealthOptions = DEFAULT_WAN_HEALTH_OPTIONS) {
  return defineGatherer({
    id: WAN_HEALTH_ID,
    version: 1,
    phase: "network",
    run: (ctx) => gatherWanHealth(ctx, options),
  });
}

export const wanHealthGatherer = createWanHealthGatherer();

export interface PingPlanEntry {
  target: string;
  kind: "gateway" | "dns" | "wan";
}

/**
 * Gateway, DNS servers and ping targets, each once. These may lie outside the scan scope (they
 * are the agent's own infrastructure or the consultant's choice) but never on the exclude list;
 * loopback resolvers (127.0.0.53) say nothing about the network and are skipped.
 */
export function pingPlan(
  gateway: string | undefined,
  dns: readonly string[],
  targets: readonly string[],
  excluded: readonly string[],
): PingPlanEntry[] {
  const plan: PingPlanEntry[] = [];
  const seen = new Set<string>();
  const add = (target: string | undefined, kind: PingPlanEntry["kind"]): void => {
    if (!target || seen.has(target) || isLoopback(target) || isExcluded(target, excluded)) return;
    seen.add(target);
    plan.push({ target, kind });
  };
  add(gateway, "gateway");
  for (const d of dns) add(d, "dns");
  for (const t of targets) add(t, "wan");
  return plan;
}

async function systemPing(target: string, options: WanHealthOptions): Promise<string> {
  const unixLike = process.platform !== "win32";
  // A deadline bounds the ping child: the ping package cannot be cancelled once started.
  const deadline = Math.ceil(options.count * options.intervalSeconds + options.replyTimeoutSeconds + 1);
  const result = await ping.promise.probe(target, {
    numeric: true,
    timeout: options.replyTimeoutSeconds,
    min_reply: options.count,
    deadline: unixLike ? deadline : undefined,
    extra: unixLike ? ["-i", String(options.intervalSeconds)] : [],
  });
  return result.output;
}

/** Latency, jitter and loss to the gateway, the DNS servers and each ping target → ctx.draft.network. */
export async function gatherWanHealth(ctx: GatherContext, options: WanHealthOptions): Promise<void> {
  const agent = ctx.draft.agent;
  const plan = pingPlan(
    agent?.gateway,
    agent?.dnsServers ?? [],
    ctx.options.pingTargets,
    ctx.scope.excluded,
  ).filter((p) => isIPv4(p.target));
  if (plan.length === 0) {
    ctx.warn(WAN_HEALTH_ID, "no gateway, DNS server or ping target known: WAN health not measured");
    return;
  }
  const done = ctx.probe({
    id: WAN_HEALTH_ID,
    tool: "ping",
    command: `ping -n -c ${options.count} -i ${options.intervalSeconds} -W ${options.replyTimeoutSeconds}`,
    targets: plan.map((p) => p.target),
  });
  const pinger = options.pinger ?? systemPing;
  const results = await Promise.all(
    plan.map(async ({ target, kind }): Promise<PingStats | undefined> => {
      if (ctx.signal.aborted) return undefined;
      try {
        const output = await pinger(target, options);
        const stats = pingStats(target, kind, options.count, rttsFromPingOutput(output));
        if (stats.received === 0) ctx.warn(WAN_HEALTH_ID, `no echo reply from ${kind} ${target}`, target);
        return stats;
      } catch (error) {
        ctx.warn(WAN_HEALTH_ID, `ping to ${kind} ${target} failed: ${reason(error)}`, target);
        return undefined;
      }
    }),
  );
  const gatewayStats = results.find((r) => r?.kind === "gateway");
  // A router that is also the DNS server (common in small offices) was pinged once: count it for both.
  if (gatewayStats && agent?.dnsServers.includes(gatewayStats.target)) {
    results.push({ ...gatewayStats, kind: "dns" });
  }
  for (const stats of results) {
    if (!stats) continue;
    if (stats.kind === "gateway") ctx.draft.network.gateway = stats;
    else if (stats.kind === "dns") ctx.draft.network.dns.push(stats);
    else ctx.draft.network.wan.push(stats);
  }
  done(ctx.signal.aborted ? "interrupted" : "ok");
}
