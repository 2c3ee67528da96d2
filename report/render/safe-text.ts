/** The cap for any string that came from the network (names, banners, titles, SNMP strings). */
export const NETWORK_TEXT_CAP = 200;
/** The cap for prose written by rules or the consultant (impact, recommendation, reasons). */
export const PROSE_CAP = 1200;

// C0 (except tab/newline), DEL, C1 controls, lone surrogates, and the bidi overrides that can
// make a printed name read backwards.
const UNSAFE =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Makes untrusted text printable: control characters and invalid UTF-16 (what invalid UTF-8
 * decodes to) become U+FFFD, whitespace runs collapse, and the text is capped with "…".
 * HTML escaping is still Handlebars' job; this only bounds and cleans.
 */
export function safeText(value: unknown, cap = NETWORK_TEXT_CAP): string {
  if (value === undefined || value === null) return "";
  let text = String(value).replace(UNSAFE, "\ufffd").replace(/\s+/g, " ").trim();
  const chars = Array.from(text);
  if (chars.length > cap)
    text = `${chars
      .slice(0, cap - 1)
      .join("")
      .trimEnd()}…`;
  return text;
}

/** Like safeText, but undefined stays undefined (so templates can test for presence). */
export function optionalText(value: unknown, cap = NETWORK_TEXT_CAP): string | undefined {
  const text = safeText(value, cap);
  return text ? text : undefined;
}

/** Cleans every string in a JSON-like value (for data handed to partials we do not own). */
export function deepSafe<T>(value: T, cap = NETWORK_TEXT_CAP): T {
  if (typeof value === "string") return safeText(value, cap) as T;
  if (Array.isArray(value)) return value.map((item) => deepSafe(item, cap)) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = deepSafe(item, cap);
    return out as T;
  }
  return value;
}

/** XML/HTML escaping for the SVG we build ourselves. */
export function xmlEscape(value: unknown): string {
  return String(value ?? "")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "") // XML forbids these
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}
