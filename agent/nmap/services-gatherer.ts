import type { Host } from "../../schema/audit.js";
import { defineGatherer, type GatherContext, type Gatherer } from "../gatherer.js";
import { ipToNumber } from "../scope/ipv4-ranges.js";
import type { NmapSettings } from "./nmap-settings.js";
import { fillMacsFromArpCache } from "./kernel-arp-cache.js";
import { type RunNmap, runNmapPhase } from "./run-nmap-phase.js";
import {
  type ServicesArgsInput,
  servicesArgs,
  splitIntoBatches,
  tlsRetryArgs,
  udpArgs,
  unprivilegedServiceSkips,
} from "./services-args.js";

export const SERVICES_ID = "nmap-services";

/**
 * At most this many nmap processes at once. Each gets an equal share of the packet budget, so
 * more processes do not send more packets; they keep one slow host from holding up the rest.
 */
export const MAX_CONCURRENT_BATCHES = 3;

export interface ServicesDeps {
  settings?: NmapSettings;
  run?: RunNmap;
}

/**
 * Port, version and safe-script scan of the live hosts, in parallel batches. Each batch gets a
 * TCP pass, a UDP pass (privileged only) and, when the TCP pass missed a TLS certificate, a
 * short ssl-cert retry.
 */
export function createServicesGatherer(deps: ServicesDeps = {}): Gatherer {
  return defineGatherer({
    id: SERVICES_ID,
    version: 2,
    phase: "services",
    async run(ctx) {
      const { options } = ctx;
      const settings = deps.settings ?? {};
      if (!options.privileged)
        for (const skip of unprivilegedServiceSkips()) ctx.warn(SERVICES_ID, `unprivileged: ${skip}`);

      const ips = ctx
        .hosts()
        .filter((host) => host.status.state === "up" && ctx.isAllowed(host.ip))
        .map((host) => host.ip)
        .sort((a, b) => ipToNumber(a) - ipToNumber(b));
      const batches = splitIntoBatches(ips, options.parallelHosts);
      const concurrency = Math.min(MAX_CONCURRENT_BATCHES, batches.length);
      const ratePerProcess = Math.max(1, Math.floor(options.maxPacketsPerSecond / Math.max(1, concurrency)));
      ctx.progress.start(
        "services",
        `${ips.length} host${ips.length === 1 ? "" : "s"} in ${batches.length} batch${batches.length === 1 ? "" : "es"}`,
      );
      if (ips.length === 0) return;

      let finishedHosts = 0;
      const inFlight = new Map<number, number>();
      let task = "";
      const report = () => {
        const partial = [...inFlight.values()].reduce((a, b) => a + b, 0);
        ctx.progress.update(
          Math.min(ips.length, finishedHosts + partial),
          ips.length,
          `hosts${task ? ` (${task})` : ""}`,
        );
      };
      const pass = async (index: number, batch: string[], args: string[], countsHosts: boolean) => {
        const { hosts } = await runNmapPhase({
          ctx,
          source: SERVICES_ID,
          args,
          targets: batch,
          timeoutMs: batchTimeoutMs(options.perHostTimeoutSeconds),
          nmapPath: settings.path,
          run: deps.run,
          onProgress: (p) => {
            if (countsHosts) inFlight.set(index, Math.min(batch.length, p.hostsDone));
            if (p.task) task = `${p.task}${p.percent !== undefined ? ` ${p.percent.toFixed(0)}%` : ""}`;
            report();
          },
        });
        addServiceFacts(ctx, hosts);
      };

      let next = 0;
      const worker = async () => {
        while (next < batches.length && !ctx.signal.aborted) {
          const index = next++;
          const batch = batches[index] ?? [];
          const input: ServicesArgsInput = {
            hosts: batch,
            excludes: ctx.scope.excluded,
            privileged: options.privileged,
            maxPacketsPerSecond: ratePerProcess,
            perHostTimeoutSeconds: options.perHostTimeoutSeconds,
            settings,
          };
          inFlight.set(index, 0);
          await pass(index, batch, servicesArgs(input), true);
          if (options.privileged && !ctx.signal.aborted) await pass(index, batch, udpArgs(input), false);
          const missing = missingCertificates(ctx.hosts().filter((h) => batch.includes(h.ip)));
          if (missing.hosts.length && !ctx.signal.aborted) {
            await pass(
              index,
              missing.hosts,
              tlsRetryArgs({ ...input, hosts: missing.hosts, ports: missing.ports }),
              false,
            );
          }
          inFlight.delete(index);
          finishedHosts += batch.length;
          report();
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      // Unprivileged, MACs come from the kernel's ARP table; the connect scans have just refreshed
      // it, so fill in any host discovery could not.
      if (!options.privileged && process.platform === "linux") await fillMacsFromArpCache(ctx);
    },
  });
}

function addServiceFacts(ctx: GatherContext, hosts: Host[]): void {
  for (const host of hosts) {
    if (!ctx.isAllowed(host.ip)) continue;
    // Discovery's status (arp-response, syn-ack…) says more than -Pn's "user-set".
    const { status: _status, ...facts } = host;
    ctx.addHostFacts(host.ip, facts, SERVICES_ID);
  }
}

/** Open TLS ports without a certificate read: which hosts and ports to look at again. */
export function missingCertificates(hosts: Host[]): { hosts: string[]; ports: number[] } {
  const out = { hosts: [] as string[], ports: [] as number[] };
  for (const host of hosts) {
    const ports = host.services
      .filter(
        (s) =>
          s.state === "open" &&
          s.protocol === "tcp" &&
          (s.tunnel === "ssl" || /^(https|ssl)\b/.test(s.name ?? "")),
      )
      .map((s) => s.port)
      .filter((port) => !host.tls.some((cert) => cert.port === port));
    if (ports.length === 0) continue;
    out.hosts.push(host.ip);
    out.ports.push(...ports);
  }
  return { hosts: out.hosts, ports: [...new Set(out.ports)] };
}

/** nmap's --host-timeout bounds each host; the whole batch runs in parallel, so this is a backstop. */
export function batchTimeoutMs(perHostTimeoutSeconds: number): number {
  return Math.ceil(perHostTimeoutSeconds * 1.5 + 60) * 1000;
}
