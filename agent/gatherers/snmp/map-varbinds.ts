import type { Snmp, UpsStatus } from "../../../schema/audit.js";
import { cleanText } from "../shared/text.js";
import { APC_ENTERPRISE, APC_OIDS, SYSTEM_OIDS, UPS_MIB_OIDS } from "./oids.js";

/** A varbind as net-snmp returns it; `error` set for noSuchObject/noSuchInstance/endOfMibView. */
export interface VarbindValue {
  oid: string;
  value: unknown;
  error?: boolean;
}

/** sysDescr of some devices runs to kilobytes; the Audit keeps the first part. */
export const MAX_SNMP_TEXT = 4096;

function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const raw = Buffer.isBuffer(value) ? value.toString("utf8") : String(value);
  const cleaned = cleanText(raw, MAX_SNMP_TEXT);
  return cleaned === "" ? undefined : cleaned;
}

function number(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "bigint") return Number(value);
  return undefined;
}

function byOid(varbinds: readonly VarbindValue[]): Map<string, unknown> {
  const map = new Map<string, unknown>();
  for (const vb of varbinds) if (!vb.error) map.set(vb.oid.replace(/^\./, ""), vb.value);
  return map;
}

/** The system group → Snmp facts (sysUpTime is in hundredths of a second). */
export function mapSystem(varbinds: readonly VarbindValue[]): Omit<Snmp, "communityIndex" | "ups"> {
  const v = byOid(varbinds);
  const upTicks = number(v.get(SYSTEM_OIDS.sysUpTime));
  return {
    sysDescr: text(v.get(SYSTEM_OIDS.sysDescr)),
    sysObjectID: text(v.get(SYSTEM_OIDS.sysObjectID))?.replace(/^\./, ""),
    sysName: text(v.get(SYSTEM_OIDS.sysName)),
    sysUpTimeSeconds: upTicks === undefined ? undefined : Math.floor(upTicks / 100),
    sysContact: text(v.get(SYSTEM_OIDS.sysContact)),
    sysLocation: text(v.get(SYSTEM_OIDS.sysLocation)),
  };
}

const UPS_BATTERY_STATUS: Record<number, string> = {
  1: "unknown",
  2: "batteryNormal",
  3: "batteryLow",
  4: "batteryDepleted",
};
const UPS_OUTPUT_SOURCE: Record<number, string> = {
  1: "other",
  2: "none",
  3: "normal",
  4: "bypass",
  5: "battery",
  6: "booster",
  7: "reducer",
};
const APC_BATTERY_STATUS: Record<number, string> = {
  1: "unknown",
  2: "batteryNormal",
  3: "batteryLow",
  4: "batteryInFaultCondition",
};
const APC_OUTPUT_STATUS: Record<number, string> = {
  1: "unknown",
  2: "onLine",
  3: "onBattery",
  4: "onSmartBoost",
  5: "timedSleeping",
  6: "softwareBypass",
  7: "off",
  8: "rebooting",
  9: "switchedBypass",
  10: "hardwareFailureBypass",
  11: "sleepingUntilPowerReturn",
  12: "onSmartTrim",
};

/** sysObjectID or sysDescr that name a UPS (or its network card). */
export function looksLikeUps(system: { sysObjectID?: string; sysDescr?: string }): boolean {
  if (system.sysObjectID?.startsWith(`${APC_ENTERPRISE}.`)) return true;
  if (system.sysObjectID?.startsWith("1.3.6.1.2.1.33")) return true;
  return /\bups\b|uninterruptible|powerchute|smart-ups|management card|eaton|cyberpower|vertiv|liebert/i.test(
    system.sysDescr ?? "",
  );
}

/** UPS-MIB varbinds → UpsStatus; undefined when the agent has no UPS-MIB. */
export function mapUpsMib(varbinds: readonly VarbindValue[]): UpsStatus | undefined {
  const v = byOid(varbinds);
  const raw: Record<string, string> = {};
  for (const [name, oid] of Object.entries(UPS_MIB_OIDS)) {
    const value = v.get(oid);
    const shown = number(value) ?? text(value);
    if (shown !== undefined) raw[name] = String(shown);
  }
  if (Object.keys(raw).length === 0) return undefined;
  const status = number(v.get(UPS_MIB_OIDS.upsBatteryStatus));
  const source = number(v.get(UPS_MIB_OIDS.upsOutputSource));
  return {
    source: "snmp-ups-mib",
    manufacturer: text(v.get(UPS_MIB_OIDS.upsIdentManufacturer)),
    model: text(v.get(UPS_MIB_OIDS.upsIdentModel)),
    batteryStatus: status === undefined ? undefined : (UPS_BATTERY_STATUS[status] ?? `status ${status}`),
    chargePercent: number(v.get(UPS_MIB_OIDS.upsEstimatedChargeRemaining)),
    runtimeMinutes: number(v.get(UPS_MIB_OIDS.upsEstimatedMinutesRemaining)),
    loadPercent: number(v.get(UPS_MIB_OIDS.upsOutputPercentLoad)),
    onBattery: source === undefined ? undefined : source === 5,
    raw:
      source === undefined
        ? raw
        : { ...raw, upsOutputSourceName: UPS_OUTPUT_SOURCE[source] ?? String(source) },
  };
}

/** APC PowerNet-MIB varbinds → UpsStatus (runtime is TimeTicks). */
export function mapApc(varbinds: readonly VarbindValue[]): UpsStatus | undefined {
  const v = byOid(varbinds);
  const raw: Record<string, string> = {};
  for (const [name, oid] of Object.entries(APC_OIDS)) {
    const value = v.get(oid);
    const shown = number(value) ?? text(value);
    if (shown !== undefined) raw[name] = String(shown);
  }
  if (Object.keys(raw).length === 0) return undefined;
  const status = number(v.get(APC_OIDS.upsBasicBatteryStatus));
  const output = number(v.get(APC_OIDS.upsBasicOutputStatus));
  const runtimeTicks = number(v.get(APC_OIDS.upsAdvBatteryRunTimeRemaining));
  return {
    source: "snmp-apc-powernet",
    manufacturer: "APC",
    model: text(v.get(APC_OIDS.upsBasicIdentModel)),
    batteryStatus: status === undefined ? undefined : (APC_BATTERY_STATUS[status] ?? `status ${status}`),
    chargePercent: number(v.get(APC_OIDS.upsAdvBatteryCapacity)),
    runtimeMinutes: runtimeTicks === undefined ? undefined : Math.floor(runtimeTicks / 6000),
    loadPercent: number(v.get(APC_OIDS.upsAdvOutputLoad)),
    onBattery: output === undefined ? undefined : output === 3,
    raw:
      output === undefined
        ? raw
        : { ...raw, upsBasicOutputStatusName: APC_OUTPUT_STATUS[output] ?? String(output) },
  };
}
