import { RememberedLookup } from "../remembered-lookups.js";

/** Longest text kept from the network in a Device/Environment field (attacker-controlled). */
export const MAX_TEXT = 200;

/**
 * Cleans a name read off the network: NUL bytes and control characters (`HTB\x00`), stray
 * whitespace, and the `0.` that nmap's LDAP probe leaves at the end of an AD domain
 * (`sevenkingdoms.local0.` → `sevenkingdoms.local`), and a trailing root dot.
 */
export function cleanName(raw: string | undefined): string | undefined {
  return raw === undefined ? undefined : cleanedNames.get(raw);
}

const cleanedNames = new RememberedLookup((raw) => {
  let text = raw
    .replace(/\\x00/gi, "")
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim();
  text = text
    .replace(/([a-z])0\.$/i, "$1")
    .replace(/\.$/, "")
    .trim();
  if (text === "" || text === "<unknown>") return undefined;
  return text.slice(0, MAX_TEXT);
});

/** Cleans free text (banners, titles) without touching dots. */
export function cleanText(raw: string | undefined): string | undefined {
  return raw === undefined ? undefined : cleanedTexts.get(raw);
}

const cleanedTexts = new RememberedLookup((raw): string | undefined => {
  const text = raw
    .replace(/\\x00/gi, "")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
    .trim();
  return text === "" ? undefined : text.slice(0, MAX_TEXT);
});

// Module constants, not literals in the function: a literal is a new RegExp object on every call.
const NOT_HEX = /[^0-9a-f]/gi;
const ALL_ZERO = /^0+$/;
const ALL_F = /^f+$/;

/**
 * A MAC whose OUI names a real manufacturer. All-zero and broadcast MACs, and locally
 * administered ones (second-lowest bit of the first octet set: randomised phone MACs, VMs,
 * bridges) have no vendor, whatever a lookup table says (nmap maps 00:00:00 to "Xerox").
 */
export function macHasVendor(mac: string | undefined): boolean {
  if (!mac) return false;
  const hex = mac.replace(NOT_HEX, "").toLowerCase();
  if (hex.length !== 12) return false;
  if (ALL_ZERO.test(hex) || ALL_F.test(hex)) return false;
  const firstOctet = Number.parseInt(hex.slice(0, 2), 16);
  if ((firstOctet & 0x02) !== 0) return false;
  if ((firstOctet & 0x01) !== 0) return false;
  return true;
}
