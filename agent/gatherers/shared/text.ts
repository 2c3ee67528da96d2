/** Network-supplied text: NULs and control characters removed, whitespace trimmed, length capped. */
export function cleanText(value: string, max = 4096): string {
  return value
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
    .trim()
    .slice(0, max);
}

/**
 * A DNS domain name as a banner or script printed it, cleaned: NUL bytes dropped, lower case,
 * no trailing dot, and the stray "0." some Microsoft LDAP banners append
 * (`sevenkingdoms.local0.`) removed. Returns undefined when nothing name-like is left.
 */
export function cleanDomainName(raw: string): string | undefined {
  let name = raw
    .replace(/\u0000|\\x00/g, "")
    .trim()
    .toLowerCase();
  // The banner junk is "0." glued to the last label; a rooted single-label name is left alone.
  if (/\.[a-z][a-z0-9-]*[a-z]0\.$/.test(name)) name = name.slice(0, -2);
  name = name.replace(/\.+$/, "");
  if (!/^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*$/.test(name)) return undefined;
  return name;
}

/** "DC=sevenkingdoms,DC=local" → "sevenkingdoms.local". */
export function dnsNameFromDn(dn: string): string | undefined {
  const labels = [...dn.matchAll(/(?:^|,)\s*DC=([^,]+)/gi)].map((m) => m[1]?.trim() ?? "");
  if (labels.length === 0) return undefined;
  return cleanDomainName(labels.join("."));
}
