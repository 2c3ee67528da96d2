import type { UpsStatus } from "../../../schema/audit.js";
import { cleanText } from "../shared/text.js";

/** Splits a NUT protocol line into words; "quoted strings" may hold spaces and \" \\ escapes. */
export function splitNutLine(line: string): string[] {
  const words: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (const m of line.matchAll(re)) {
    words.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, "$1") : (m[2] ?? ""));
  }
  return words;
}

/** Thrown for an `ERR <code>` answer (ACCESS-DENIED, UNKNOWN-UPS, …). */
export class NutError extends Error {
  constructor(readonly code: string) {
    super(`NUT server answered ERR ${code}`);
    this.name = "NutError";
  }
}

/** The body lines of a BEGIN LIST … / END LIST … block. */
export function listBody(lines: readonly string[], list: string): string[] {
  const begin = lines.findIndex((l) => l.trim() === `BEGIN LIST ${list}`);
  const end = lines.findIndex((l) => l.trim() === `END LIST ${list}`);
  const err = lines.find((l) => l.startsWith("ERR "));
  if (err && (begin < 0 || end < 0)) throw new NutError(err.slice(4).trim());
  if (begin < 0 || end < begin) return [];
  return lines.slice(begin + 1, end);
}

/** `LIST UPS` → [{name, description}]. */
export function parseListUps(lines: readonly string[]): { name: string; description?: string }[] {
  return listBody(lines, "UPS")
    .map(splitNutLine)
    .filter((w) => w[0] === "UPS" && w[1])
    .map((w) => ({ name: w[1] as string, description: w[2] ? cleanText(w[2], 256) : undefined }));
}

/** `LIST VAR <ups>` → variable name → value. */
export function parseListVar(lines: readonly string[], ups: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const w of listBody(lines, `VAR ${ups}`).map(splitNutLine)) {
    if (w[0] === "VAR" && w[1] === ups && w[2]) vars[w[2]] = cleanText(w[3] ?? "", 512);
  }
  return vars;
}

function num(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * NUT variables → UpsStatus. ups.status is a list of flags: OL on line, OB on battery,
 * LB low battery, RB replace battery, CHRG charging, … kept raw as batteryStatus.
 */
export function upsStatusFromNut(ups: string, vars: Record<string, string>, description?: string): UpsStatus {
  const flags = (vars["ups.status"] ?? "").split(/\s+/).filter(Boolean);
  const runtimeSeconds = num(vars["battery.runtime"]);
  return {
    source: "nut",
    manufacturer: vars["ups.mfr"] ?? vars["device.mfr"],
    model: vars["ups.model"] ?? vars["device.model"] ?? description,
    batteryStatus: vars["ups.status"],
    chargePercent: num(vars["battery.charge"]),
    runtimeMinutes: runtimeSeconds === undefined ? undefined : Math.floor(runtimeSeconds / 60),
    loadPercent: num(vars["ups.load"]),
    onBattery: flags.length === 0 ? undefined : flags.includes("OB"),
    raw: { upsName: ups, ...vars },
  };
}
