/**
 * Product models named in SNMP sysDescr, HTTP titles or certificates. The first capture group
 * is the model shown in the report. One entry per product line.
 */
export const MODEL_PATTERNS: { id: string; match: RegExp }[] = [
  { id: "fortigate", match: /\b(FortiGate-?\s?\d+\w*)/i },
  { id: "sonicwall", match: /\b((?:SonicWall\s+)?(?:TZ|NSa|NSA)\s?\d+\w*)/i },
  { id: "watchguard", match: /\b(Firebox\s+[A-Z]*\d+\w*)/i },
  { id: "sophos", match: /\b(XGS?\s?\d{2,4}\w*)\b/ },
  { id: "palo-alto", match: /\b(PA-\d{3,4}\w*)/ },
  { id: "meraki", match: /\b(M[XSR]\d{2,3}\w*)\b/ },
  { id: "hp-switch", match: /\b(J\d{4}A\s+[\w-]+(?:\s+Switch)?)/ },
  { id: "cisco-catalyst", match: /\b(C\d{4}\w*|Catalyst\s+\d+\w*)/ },
  { id: "laserjet", match: /\b((?:HP\s+)?(?:Color\s+)?LaserJet(?:\s+(?:Pro|Enterprise|Managed))?\s+\w*\d+\w*)/i },
  { id: "brother", match: /\b(Brother\s+(?:HL|MFC|DCP)-\w+)/i },
  { id: "synology", match: /\b((?:DS|RS|DVA)\d{3,4}\w*\+?)/ },
  { id: "apc", match: /\b((?:Smart|Back)-UPS\s+\w+)/i },
  { id: "apc-nmc", match: /\bMN:(\w+)/ },
];

export function modelIn(texts: (string | undefined)[]): string | undefined {
  for (const text of texts) {
    if (!text) continue;
    for (const pattern of MODEL_PATTERNS) {
      const found = pattern.match.exec(text)?.[1];
      if (found) return found.trim();
    }
  }
  return undefined;
}
