import { XMLParser } from "fast-xml-parser";
import type { Announcement } from "../../../schema/audit.js";
import { cleanText } from "../shared/text.js";

export const SSDP_ADDRESS = "239.255.255.250";
export const SSDP_PORT = 1900;

export function mSearch(mxSeconds: number): string {
  return [
    "M-SEARCH * HTTP/1.1",
    `HOST: ${SSDP_ADDRESS}:${SSDP_PORT}`,
    'MAN: "ssdp:discover"',
    `MX: ${mxSeconds}`,
    "ST: ssdp:all",
    "",
    "",
  ].join("\r\n");
}

/** An SSDP answer's headers, lower-cased names; undefined when it is no HTTP 200 answer. */
export function parseSsdpResponse(text: string): Record<string, string> | undefined {
  const lines = text.split(/\r?\n/);
  if (!/^HTTP\/1\.[01] 200/i.test(lines[0] ?? "")) return undefined;
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = cleanText(line.slice(colon + 1), 512);
  }
  return headers;
}

/** UPnP device description XML → the device's names and model. */
export function parseDeviceDescription(xml: string): Partial<Announcement> & { raw: Record<string, string> } {
  const parser = new XMLParser({
    ignoreAttributes: true,
    removeNSPrefix: true,
    parseTagValue: false,
    processEntities: true,
  });
  let doc: unknown;
  try {
    doc = parser.parse(xml);
  } catch {
    return { raw: {} };
  }
  const device = (doc as { root?: { device?: Record<string, unknown> } })?.root?.device;
  if (!device || typeof device !== "object") return { raw: {} };
  const field = (key: string): string | undefined =>
    typeof device[key] === "string" && device[key] ? cleanText(device[key] as string, 256) : undefined;
  const raw: Record<string, string> = {};
  for (const key of [
    "deviceType",
    "friendlyName",
    "manufacturer",
    "modelName",
    "modelNumber",
    "modelDescription",
    "presentationURL",
  ]) {
    const value = field(key);
    if (value) raw[key] = value;
  }
  const modelName = field("modelName");
  const modelNumber = field("modelNumber");
  return {
    name: field("friendlyName"),
    manufacturer: field("manufacturer"),
    model:
      modelName && modelNumber && !modelName.includes(modelNumber)
        ? `${modelName} ${modelNumber}`
        : (modelName ?? modelNumber),
    raw,
  };
}
