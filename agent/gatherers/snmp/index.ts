import type { Host, Snmp, UpsStatus } from "../../../schema/audit.js";
import { defineGatherer, type GatherContext } from "../../gatherer.js";
import { reason } from "../shared/errors.js";
import { mapLimit } from "../shared/map-limit.js";
import { collectorSignal } from "../shared/time-limit.js";
import { type SnmpRequest, type SnmpVersion, snmpGet } from "./client.js";
import { looksLikeUps, mapApc, mapSystem, mapUpsMib } from "./map-varbinds.js";
import { APC_ENTERPRISE, APC_OIDS, SYSTEM_OIDS, UPS_MIB_OIDS } from "./oids.js";

export const SNMP_ID = "snmp";

export interface SnmpOptions {
  port: number;
  /** Per request, for hosts whose 161/udp the service scan saw open or open|filtered. */
  timeoutMs: number;
  retries: number;
  /** When no UDP scan ran, every live host is asked once with this shorter timeout and no retry. */
  sweepTimeoutMs: number;
  concurrency: number;
}

export const DEFAULT_SNMP_OPTIONS: SnmpOptions = {
  port: 161,
  timeoutMs: 1500,
  retries: 1,
  sweepTimeoutMs: 1000,
  concurrency: 8,
};

export function createSnmpGatherer(options: SnmpOptions = DEFAULT_SNMP_OPTIONS) {
  return defineGatherer({ id: SNMP_ID, version: 1, phase: "enrich", run: (ctx) => gatherSnmp(ctx, options) });
}

export const snmpGatherer = createSnmpGatherer();

/** Which live hosts to ask, and whether that is a blind sweep (no UDP scan results to go by). */
export function snmpTargets(
  hosts: readonly Host[],
  isAllowed: (ip: string) => boolean,
): { ips: string[]; sweep: boolean } {
  const live = hosts.filter((h) => h.status.state === "up" && isAllowed(h.ip));
  const udpScanned = live.some((h) => h.services.some((s) => s.protocol === "udp" && s.port === 161));
  if (!udpScanned) return { ips: live.map((h) => h.ip), sweep: true };
  const ips = live
    .filter((h) => h.services.some((s) => s.protocol === "udp" && s.port === 161 && /^open/.test(s.state)))
    .map((h) => h.ip);
  return { ips, sweep: false };
}

/** Replaces any configured community in a message, so no secret reaches a warning. */
export function redact(message: string, communities: readonly string[]): string {
  let out = message;
  for (const c of communities) if (c.length > 0) out = out.split(c).join("***");
  return out;
}

/**
 * SNMP system group (v2c and v1) with the configured communities only, then UPS-MIB and, on APC
 * cards, PowerNet. The Audit records which community answered by position, never the string.
 */
export async function gatherSnmp(ctx: GatherContext, options: SnmpOptions): Promise<void> {
  const communities = ctx.options.snmpCommunities.length > 0 ? ctx.options.snmpCommunities : ["public"];
  const { ips, sweep } = snmpTargets(ctx.hosts(), (ip) => ctx.isAllowed(ip));
  if (ips.length === 0) return;
  const done = ctx.probe({
    id: SNMP_ID,
    tool: "net-snmp",
    command: `SNMP GET system group v2c and v1, ${communities.length} configured ${communities.length === 1 ? "community" : "communities"}${sweep ? " (no UDP scan results: every live host, short timeout)" : ""}`,
    targets: ips,
  });
  const openFor = new Set(
    ctx
      .hosts()
      .filter((h) => h.services.some((s) => s.protocol === "udp" && s.port === 161 && s.state === "open"))
      .map((h) => h.ip),
  );
  const signal = collectorSignal(ctx.signal);
  let answered = 0;
  let finished = 0;
  ctx.progress.update(0, ips.length, "SNMP");
  await mapLimit(
    ips,
    options.concurrency,
    async (ip) => {
      try {
        const facts = await askHost(ip, communities, options, sweep, signal);
        if (facts) {
          answered++;
          ctx.addHostFacts(
            ip,
            { snmp: facts, hostnames: facts.sysName ? [{ name: facts.sysName, type: "snmp" }] : [] },
            SNMP_ID,
          );
        } else if (openFor.has(ip)) {
          // open|filtered is what every silent host looks like: only a proven open port is worth a warning.
          ctx.warn(SNMP_ID, "161/udp open but no configured community answered (v2c, v1)", ip);
        }
      } catch (error) {
        ctx.warn(SNMP_ID, `SNMP failed: ${redact(reason(error), communities)}`, ip);
      }
      ctx.progress.update(++finished, ips.length, "SNMP");
    },
    signal,
  );
  done(ctx.signal.aborted ? "interrupted" : "ok", `${answered} of ${ips.length} hosts answered`);
}

/**
 * Each configured community in v2c and v1 at once, so a silent host costs one timeout per
 * community rather than two; v2c wins when both answer. Communities stay one after the other: a
 * device that answers the first never sees the others (failed logins are logged and can alert).
 */
async function askHost(
  ip: string,
  communities: readonly string[],
  options: SnmpOptions,
  sweep: boolean,
  signal: AbortSignal,
): Promise<Snmp | undefined> {
  for (const [communityIndex, community] of communities.entries()) {
    if (signal.aborted) return undefined;
    const stopLosers = new AbortController();
    const attemptSignal = AbortSignal.any([signal, stopLosers.signal]);
    const attempts = (["2c", "1"] as SnmpVersion[]).map((version) => {
      const request: SnmpRequest = {
        ip,
        community,
        version,
        port: options.port,
        timeoutMs: sweep ? options.sweepTimeoutMs : options.timeoutMs,
        retries: sweep ? 0 : options.retries,
        signal,
      };
      const system = snmpGet({ ...request, signal: attemptSignal }, Object.values(SYSTEM_OIDS))
        .then((varbinds) => mapSystem(varbinds))
        // wrong community, wrong version or nobody there: all look like a timeout
        .catch(() => undefined);
      return { request, system };
    });
    try {
      for (const { request, system } of attempts) {
        const found = await system;
        if (signal.aborted) return undefined;
        if (!found) continue;
        stopLosers.abort();
        return { ...found, ups: await askUps(request, found), communityIndex };
      }
    } finally {
      stopLosers.abort();
    }
  }
  return undefined;
}

async function askUps(
  request: SnmpRequest,
  system: ReturnType<typeof mapSystem>,
): Promise<UpsStatus | undefined> {
  // One extra GET: cheap, and UPS cards do not always say "UPS" in sysDescr.
  const upsMib = await snmpGet(request, Object.values(UPS_MIB_OIDS)).then(mapUpsMib, () => undefined);
  const apcOid = system.sysObjectID?.startsWith(`${APC_ENTERPRISE}.`);
  if (upsMib && !apcOid) return upsMib;
  if (!apcOid && !(looksLikeUps(system) && !upsMib)) return upsMib;
  const apc = await snmpGet(request, Object.values(APC_OIDS)).then(mapApc, () => undefined);
  if (!apc) return upsMib;
  if (!upsMib) return apc;
  // Both: UPS-MIB is the standard; PowerNet fills its gaps and is kept in raw.
  return {
    ...upsMib,
    batteryStatus: upsMib.batteryStatus ?? apc.batteryStatus,
    chargePercent: upsMib.chargePercent ?? apc.chargePercent,
    runtimeMinutes: upsMib.runtimeMinutes ?? apc.runtimeMinutes,
    loadPercent: upsMib.loadPercent ?? apc.loadPercent,
    onBattery: upsMib.onBattery ?? apc.onBattery,
    model: upsMib.model ?? apc.model,
    raw: { ...apc.raw, ...upsMib.raw },
  };
}
