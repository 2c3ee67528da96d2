import type { Device, Environment } from "../../../schema/assessment.js";
import { endOfLifeFor } from "../eol/eol-table.js";
import { countableDevices } from "./role-groups.js";

/** Each device's OS against the end-of-life table, as of the audit date. */
export function buildOsCurrency(devices: Device[], asOf: Date): Environment["osCurrency"] {
  const currency: Environment["osCurrency"] = { endOfLife: [], endingSoon: [], supported: 0, unknown: 0 };
  for (const device of countableDevices(devices)) {
    const eol = device.os ? endOfLifeFor(device.os, asOf) : undefined;
    if (!eol || !device.os) {
      currency.unknown += 1;
      continue;
    }
    const entry = {
      ip: device.ip,
      os: device.os,
      endOfLife: eol.endOfLife,
      ...(device.name ? { name: device.name } : {}),
    };
    if (eol.status === "end-of-life") currency.endOfLife.push(entry);
    else if (eol.status === "ending-soon") currency.endingSoon.push(entry);
    else currency.supported += 1;
  }
  return currency;
}
