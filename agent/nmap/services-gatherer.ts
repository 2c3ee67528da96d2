import type { Host } from "../../schema/audit.js";
import { defineGatherer, type GatherContext, type Gatherer } from "../gatherer.js";
import { ipToNumber } from "../scope/ipv4-ranges.js";
import type { NmapSettings } from "./nmap-settings.js";
import { fillMacsFromArpCache } from "./kernel-arp-cache.js";
import { type RunNmap, runNmapPhase } from "./run-nmap-phase.js";
import {
  planServicePasses,
  type ServicesArgsInput,
  servicesArgs,
  tlsRetryArgs,
  udpArgs,
  unprivilegedServiceSkips,
} from "./services-args.js";

export const SERVICES_ID = "nmap-services";

/**
 * At most this many TCP nmap processes at once, plus one for UDP. Each gets its share of the packet
 * budget, so more processes do not send more packets; they keep one slow host from holding up
 * the rest.
 */
export const MAX_CONCURRENT_BATCHES = 3;

/** The UDP process's share of the packet budget while it runs alongside the TCP ones. */
export const UDP_RATE_SHARE = 0.2;

export interface ServicesDeps {
  settings?: NmapSettings;
  run?: RunNmap;
}

/**
 * Port, version and safe-script scan of the live hosts, in parallel nmap processes: TCP batches
 * (each followed, when it missed a TLS certificate, by a short ssl-cert retry) and, privileged,
 * UDP batches on their own process alongside, so no UDP pass waits behind a long TCP one.
 */
export function createServicesGatherer(deps: ServicesDeps = {}): Gatherer {
  return defineGatherer({
    id: SERVICES_ID,
    version: 3,
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
      const plan = planServicePasses(ips, options.parallelHosts, options.privileged);
      const budget = Math.max(1, options.maxPacketsPerSecond);
      // Below 2 packets/s there is nothing to share: the UDP batches then run after the TCP ones.
      const udpAlongside = plan.udp.length > 0 && budget >= 2;
      const udpRate = udpAlongside ? Math.max(1, Math.floor(budget * UDP_RATE_SHARE)) : budget;
      const tcpBudget = udpAlongside ? budget - udpRate : budget;
      const tcpWorkers = Math.max(1, Math.min(MAX_CONCURRENT_BATCHES, plan.tcp.length, tcpBudget));
      const tcpRate = Math.max(1, Math.floor(tcpBudget / tcpWorkers));
      ctx.progress.start(
        "services",
        `${ips.length} host${ips.length === 1 ? "" : "s"} in ${plan.tcp.length} batch${plan.tcp.length === 1 ? "" : "es"}`,
      );
      if (ips.length === 0) return;

      // A host is done when every pass that covers it has ended.
      const pending = new Map<string, number>();
      for (const batch of [...plan.tcp, ...plan.udp])
        for (const ip of batch) pending.set(ip, (pending.get(ip) ?? 0) + 1);
      let finishedHosts = 0;
      let task = "";
      const report = () => ctx.progress.update(finishedHosts, ips.length, `hosts${task ? ` (${task})` : ""}`);
      const passEnded = (hosts: string[]) => {
        for (const ip of hosts) {
          const left = (pending.get(ip) ?? 1) - 1;
          pending.set(ip, left);
          if (left === 0) finishedHosts++;
        }
        report();
      };
      const runPass = async (hosts: string[], args: string[]) => {
        const { hosts: found } = await runNmapPhase({
          ctx,
          source: SERVICES_ID,
          args,
          targets: hosts,
          timeoutMs: batchTimeoutMs(options.perHostTimeoutSeconds),
          nmapPath: settings.path,
          run: deps.run,
          onProgress: (p) => {
            if (p.task) task = `${p.task}${p.percent !== undefined ? ` ${p.percent.toFixed(0)}%` : ""}`;
            report();
          },
        });
        addServiceFacts(ctx, found);
      };
      const input = (hosts: string[], maxPacketsPerSecond: number): ServicesArgsInput => ({
        hosts,
        excludes: ctx.scope.excluded,
        privileged: options.privileged,
        maxPacketsPerSecond,
        perHostTimeoutSeconds: options.perHostTimeoutSeconds,
        settings,
      });
      const tcpPass = async (hosts: string[], rate: number) => {
        await runPass(hosts, servicesArgs(input(hosts, rate)));
        const missing = missingCertificates(ctx.hosts().filter((h) => hosts.includes(h.ip)));
        if (missing.hosts.length && !ctx.signal.aborted) {
          await runPass(missing.hosts, tlsRetryArgs({ ...input(missing.hosts, rate), ports: missing.ports }));
        }
      };

      let nextTcp = 0;
      let nextUdp = 0;
      const tcpWorker = async (rate: number) => {
        while (nextTcp < plan.tcp.length && !ctx.signal.aborted) {
          const hosts = plan.tcp[nextTcp++] ?? [];
          await tcpPass(hosts, rate);
          passEnded(hosts);
        }
      };
      // The UDP process, once its batches are done, takes TCP batches with its share of the budget.
      const udpWorker = async () => {
        while (nextUdp < plan.udp.length && !ctx.signal.aborted) {
          const hosts = plan.udp[nextUdp++] ?? [];
          await runPass(hosts, udpArgs(input(hosts, udpRate)));
          passEnded(hosts);
        }
        await tcpWorker(udpRate);
      };
      const tcpWorkersDone = Promise.all(Array.from({ length: tcpWorkers }, () => tcpWorker(tcpRate)));
      if (udpAlongside) await Promise.all([tcpWorkersDone, udpWorker()]);
      else {
        await tcpWorkersDone;
        await udpWorker();
      }
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
