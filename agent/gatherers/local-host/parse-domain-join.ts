export interface DomainJoin {
  joined: boolean;
  domain?: string;
}

/** `wmic computersystem get domain,partofdomain` (columns: Domain, PartOfDomain). */
export function parseWmicDomain(text: string): DomainJoin | undefined {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const header = lines[0]?.toLowerCase();
  const row = lines[1];
  if (!header?.startsWith("domain") || !row) return undefined;
  const match = /^(\S+)\s+(TRUE|FALSE)$/i.exec(row);
  if (!match) return undefined;
  const joined = match[2]?.toUpperCase() === "TRUE";
  return joined ? { joined, domain: match[1]?.toLowerCase() } : { joined };
}

/** PowerShell `Get-CimInstance Win32_ComputerSystem | Select Domain,PartOfDomain | ConvertTo-Json`. */
export function parsePowershellDomain(text: string): DomainJoin | undefined {
  try {
    const data = JSON.parse(text) as { Domain?: unknown; PartOfDomain?: unknown };
    if (typeof data.PartOfDomain !== "boolean") return undefined;
    if (!data.PartOfDomain) return { joined: false };
    return { joined: true, domain: typeof data.Domain === "string" ? data.Domain.toLowerCase() : undefined };
  } catch {
    return undefined;
  }
}

/** macOS `dsconfigad -show`: empty output when not bound to Active Directory. */
export function parseDsconfigad(text: string): DomainJoin {
  const domain = /Active Directory Domain\s*=\s*(\S+)/i.exec(text)?.[1];
  return domain ? { joined: true, domain: domain.toLowerCase() } : { joined: false };
}

/** Linux `realm list`: one block per joined realm ("domain-name: …", "configured: kerberos-member"). */
export function parseRealmList(text: string): DomainJoin | undefined {
  const blocks = text.split(/\n(?=\S)/);
  for (const block of blocks) {
    const domain = /^\s*domain-name:\s*(\S+)/m.exec(block)?.[1];
    const configured = /^\s*configured:\s*(\S+)/m.exec(block)?.[1];
    if (domain && configured && configured !== "no") return { joined: true, domain: domain.toLowerCase() };
  }
  return text.trim() === "" ? { joined: false } : undefined;
}

/** Linux sssd.conf / krb5.conf hints: an `ad_domain`, `id_provider = ad` domain, or `default_realm`. */
export function parseLinuxDomainHints(
  sssdConf: string | undefined,
  krb5Conf: string | undefined,
): DomainJoin | undefined {
  if (sssdConf) {
    const adDomain = /^\s*ad_domain\s*=\s*(\S+)/m.exec(sssdConf)?.[1];
    if (adDomain) return { joined: true, domain: adDomain.toLowerCase() };
    if (/^\s*id_provider\s*=\s*ad\b/m.test(sssdConf)) {
      const section = /^\s*\[domain\/([^\]]+)\]/m.exec(sssdConf)?.[1];
      return { joined: true, domain: section?.toLowerCase() };
    }
  }
  if (krb5Conf) {
    const realm = /^\s*default_realm\s*=\s*(\S+)/m.exec(krb5Conf)?.[1];
    // A default realm alone is configuration, not membership: report it as a hint only.
    if (realm && realm !== "ATHENA.MIT.EDU") return { joined: false, domain: realm.toLowerCase() };
  }
  return undefined;
}
