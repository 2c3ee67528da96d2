import snmp from "net-snmp";
import { withTimeLimit } from "../shared/time-limit.js";
import type { VarbindValue } from "./map-varbinds.js";

export type SnmpVersion = "2c" | "1";

export interface SnmpRequest {
  ip: string;
  community: string;
  version: SnmpVersion;
  port: number;
  timeoutMs: number;
  retries: number;
  signal?: AbortSignal;
}

/**
 * One GET. With v2c a missing object comes back as an error varbind; with v1 the whole request
 * fails (noSuchName), so callers ask v1 only for objects every agent has.
 */
export function snmpGet(request: SnmpRequest, oids: string[]): Promise<VarbindValue[]> {
  const session = snmp.createSession(request.ip, request.community, {
    port: request.port,
    retries: request.retries,
    timeout: request.timeoutMs,
    version: request.version === "2c" ? snmp.Version2c : snmp.Version1,
  });
  // Socket errors (e.g. EHOSTUNREACH) arrive as events; the request callback reports them.
  session.on("error", () => undefined);
  const work = new Promise<VarbindValue[]>((resolve, reject) => {
    session.get(oids, (error, varbinds) => {
      if (error) reject(error);
      else
        resolve(
          varbinds.map((vb) => ({
            oid: vb.oid,
            value: vb.value,
            error: snmp.isVarbindError(vb) || undefined,
          })),
        );
    });
  });
  const limit = request.timeoutMs * (request.retries + 1) + 1000;
  return withTimeLimit(work, limit, `SNMP v${request.version} GET to ${request.ip}`, request.signal, () =>
    session.close(),
  ).finally(() => {
    try {
      session.close();
    } catch {
      // already closed
    }
  });
}
