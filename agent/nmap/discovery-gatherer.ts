import { defineGatherer, type Gatherer } from "../gatherer.js";
import { discoveryArgs, TCP_PING_PORTS } from "./discovery-args.js";
import { readKernelArpCache, vendorOf } from "./kernel-arp-cache.js";
import type { NmapSettings } from "./nmap-settings.js";
import { type RunNmap, runNmapPhase } from "./run-nmap-phase.js";

export const DISCOVERY_ID = "nmap-discovery";

export interface DiscoveryDeps {
  settings?: NmapSettings;
  run?: RunNmap;
  /** Reads the kernel's ARP table (unprivileged runs only). */
  readArpCache?: typeof readKernelArpCache;
}

/** Host discovery (nmap -sn): live hosts with MAC, vendor, latency and the reason they answered. */
export function createDiscoveryGatherer(deps: DiscoveryDeps = {}): Gatherer {
  return defineGatherer({
    id: DISCOVERY_ID,
    version: 1,
    phase: "discovery",
    async run(ctx) {
      const { options } = ctx;
      const settings = deps.settings ?? {};
      if (!options.privileged) {
        ctx.warn(
          DISCOVERY_ID,
          `unprivileged: no ARP or ICMP ping (raw sockets need root or CAP_NET_RAW); hosts were found by TCP connect to ports ${TCP_PING_PORTS.join(", ")} only, so a host with all of them filtered is missed`,
        );
      }
      const args = discoveryArgs({
        targets: ctx.scope.targets,
        excludes: ctx.scope.excluded,
        privileged: options.privileged,
        maxPacketsPerSecond: options.maxPacketsPerSecond,
        settings,
      });
      const addresses = countCidrAddresses(ctx.scope.targets);
      ctx.progress.start("discovery", ctx.scope.targets.join(", "));
      const { hosts } = await runNmapPhase({
        ctx,
        source: DISCOVERY_ID,
        args,
        targets: ctx.scope.targets,
        timeoutMs: discoveryTimeoutMs(ctx.scope.targets, options.maxPacketsPerSecond),
        nmapPath: settings.path,
        run: deps.run,
        onProgress: (p) =>
          ctx.progress.update(
            p.hostsDone,
            addresses,
            `live${p.percent !== undefined ? ` (${p.percent.toFixed(0)}% done)` : ""}`,
          ),
      });
      // The agent's own address answers too, but it is the consultant's laptop, not the prospect's.
      const own = new Set((ctx.draft.agent?.interfaces ?? []).map((nic) => nic.ip4).filter(Boolean));
      const live = hosts.filter(
        (host) =>
          host.status.state === "up" &&
          ctx.isAllowed(host.ip) &&
          !own.has(host.ip) &&
          host.status.reason !== "localhost-response",
      );
      for (const host of live) ctx.addHostFacts(host.ip, host, DISCOVERY_ID);

      if (!options.privileged && process.platform === "linux") {
        const { macs, prefixes } = await (deps.readArpCache ?? readKernelArpCache)();
        for (const host of live) {
          const mac = macs.get(host.ip);
          if (!mac || host.mac) continue;
          const vendor = vendorOf(mac, prefixes);
          ctx.addHostFacts(host.ip, { mac, ...(vendor ? { vendor } : {}) }, "kernel-arp-cache");
        }
      }
      ctx.progress.info(`discovery: ${live.length} live host${live.length === 1 ? "" : "s"}`);
    },
  });
}

/** Generous: about ten probes per address at the packet budget, plus two minutes. */
export function discoveryTimeoutMs(targets: string[], maxPacketsPerSecond: number): number {
  const addresses = countCidrAddresses(targets);
  return Math.max(300, Math.ceil((addresses * 10) / Math.max(1, maxPacketsPerSecond)) + 120) * 1000;
}

function countCidrAddresses(cidrs: string[]): number {
  return cidrs.reduce((sum, cidr) => sum + 2 ** (32 - Number(cidr.split("/")[1] ?? 32)), 0);
}
