import type { AuditWarning } from "../../schema/audit.js";

/** No single string from a scan is kept longer than this (characters). */
export const MAX_STRING_LENGTH = 16 * 1024;

/**
 * Strings from the network are kept as data (no stripping, no escaping), but a hostile or
 * runaway value (a 10 MB banner) is cut at MAX_STRING_LENGTH; each cut is reported once.
 */
export class StringCap {
  private readonly cuts = new Map<string, { host?: string; length: number }>();

  cap(value: string, where: string, host?: string): string {
    if (value.length <= MAX_STRING_LENGTH) return value;
    if (!this.cuts.has(where)) this.cuts.set(where, { host, length: value.length });
    return value.slice(0, MAX_STRING_LENGTH);
  }

  warnings(source: string, prefix: string): AuditWarning[] {
    return [...this.cuts].map(([where, { host, length }]) => ({
      source,
      message: `${prefix}${where} is ${length} characters long; kept the first ${MAX_STRING_LENGTH}`,
      ...(host ? { host } : {}),
    }));
  }
}
