import { defineGatherer, type GatherContext } from "../../gatherer.js";
import { reason } from "../shared/errors.js";
import { mapLimit } from "../shared/map-limit.js";
import { collectorSignal } from "../shared/time-limit.js";
import { queryNut } from "./client.js";
import { upsStatusFromNut } from "./parse.js";

export const NUT_ID = "nut";

export interface NutOptions {
  port: number;
  /** The whole conversation with one server. */
  timeoutMs: number;
}

export const DEFAULT_NUT_OPTIONS: NutOptions = { port: 3493, timeoutMs: 4000 };

export function createNutGatherer(options: NutOptions = DEFAULT_NUT_OPTIONS) {
  return defineGatherer({ id: NUT_ID, version: 1, phase: "enrich", run: (ctx) => gatherNut(ctx, options) });
}

export const nutGatherer = createNutGatherer();

/** UPS status from Network UPS Tools servers (hosts with 3493/tcp open) → host.ups[]. */
export async function gatherNut(ctx: GatherContext, options: NutOptions): Promise<void> {
  const ips = ctx
    .hosts()
    .filter(
      (h) =>
        ctx.isAllowed(h.ip) &&
        h.services.some((s) => s.protocol === "tcp" && s.port === options.port && s.state === "open"),
    )
    .map((h) => h.ip);
  if (ips.length === 0) return;
  const done = ctx.probe({
    id: NUT_ID,
    tool: "nut-protocol",
    command: "LIST UPS; LIST VAR <ups>; LOGOUT",
    targets: ips,
  });
  let failures = 0;
  const signal = collectorSignal(ctx.signal);
  await mapLimit(
    ips,
    4,
    async (ip) => {
      try {
        const units = await queryNut(ip, options.port, options.timeoutMs, signal);
        if (units.length === 0) {
          ctx.warn(NUT_ID, "NUT server lists no UPS", ip);
          return;
        }
        ctx.addHostFacts(
          ip,
          { ups: units.map((u) => upsStatusFromNut(u.name, u.vars, u.description)) },
          NUT_ID,
        );
      } catch (error) {
        failures++;
        ctx.warn(NUT_ID, `NUT query failed: ${reason(error)}`, ip);
      }
    },
    ctx.signal,
  );
  done(ctx.signal.aborted ? "interrupted" : failures === ips.length ? "error" : "ok");
}
