/**
 * Windows Security Center: `Get-CimInstance -Namespace root/SecurityCenter2 -ClassName
 * AntivirusProduct | Select-Object displayName,productState | ConvertTo-Json` prints an object
 * for one product and an array for several. productState bit 12 (0x1000) set = real-time on.
 */
export function parseSecurityCenterAntivirus(text: string): string[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  const items = Array.isArray(data) ? data : [data];
  const names: string[] = [];
  for (const item of items) {
    if (!item || typeof item !== "object") continue;
    const { displayName, productState } = item as { displayName?: unknown; productState?: unknown };
    if (typeof displayName !== "string" || !displayName.trim()) continue;
    const state =
      typeof productState === "number" ? ((productState & 0x1000) !== 0 ? " (enabled)" : " (disabled)") : "";
    names.push(`${displayName.trim()}${state}`);
  }
  return [...new Set(names)];
}

/** Process names of endpoint protection products on Linux and macOS, and the product each means. */
const KNOWN_AV_PROCESSES: Record<string, string> = {
  clamd: "ClamAV",
  freshclam: "ClamAV",
  "clamav-milter": "ClamAV",
  falcond: "CrowdStrike Falcon",
  "falcon-sensor": "CrowdStrike Falcon",
  mdatp: "Microsoft Defender for Endpoint",
  wdavdaemon: "Microsoft Defender for Endpoint",
  "sentinelone-agent": "SentinelOne",
  "s1-agent": "SentinelOne",
  sophosav: "Sophos",
  savd: "Sophos",
  esets: "ESET",
  esets_daemon: "ESET",
  ds_agent: "Trend Micro Deep Security",
  cbagentd: "Carbon Black",
  cbdaemon: "Carbon Black",
  "elastic-endpoint": "Elastic Endpoint",
  bdsecd: "Bitdefender",
  bdagent: "Bitdefender",
  kesl: "Kaspersky",
};

/** Products whose process names appear in a process list. */
export function antivirusFromProcessNames(names: readonly string[]): string[] {
  const found = new Set<string>();
  for (const name of names) {
    const product = KNOWN_AV_PROCESSES[name.trim().toLowerCase()];
    if (product) found.add(product);
  }
  return [...found].sort();
}
