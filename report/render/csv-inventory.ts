import type { Assessment } from "../../schema/assessment.js";
import { safeText } from "./safe-text.js";

const COLUMNS = ["ip", "mac", "vendor", "name", "role", "confidence", "os", "services"] as const;

/** The device inventory as CSV (RFC 4180 quoting), safe to open in a spreadsheet. */
export function inventoryCsv(assessment: Assessment): string {
  const rows = assessment.devices.map((device) => [
    device.ip,
    device.mac ?? "",
    device.vendor ?? "",
    device.name ?? "",
    device.role,
    device.confidence.toFixed(2),
    device.os ?? "",
    device.services.join("; "),
  ]);
  return `${[[...COLUMNS], ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

/**
 * One cell: cleaned and capped like everything network-derived, prefixed with ' when a
 * spreadsheet would read it as a formula (=, +, -, @, and tab/CR that some apps strip first),
 * quoted when it holds a comma, quote or line break.
 */
export function csvCell(value: string): string {
  let text = safeText(value, 500);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
