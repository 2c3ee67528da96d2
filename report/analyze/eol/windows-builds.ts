/**
 * Windows build number → product name. NTLM target info (RDP) and SNMP sysDescr give only
 * "10.0.17763" or "Build 9600", which both a server and a desktop edition share; the device's
 * role decides which. Source: https://learn.microsoft.com/windows/release-health/release-information,
 * https://learn.microsoft.com/windows/release-health/windows11-release-information,
 * https://learn.microsoft.com/windows/release-health/windows-server-release-info
 */
const SERVER_BUILDS: [number, string][] = [
  [3790, "Windows Server 2003"],
  [6003, "Windows Server 2008"],
  [7601, "Windows Server 2008 R2"],
  [9200, "Windows Server 2012"],
  [9600, "Windows Server 2012 R2"],
  [14393, "Windows Server 2016"],
  [17763, "Windows Server 2019"],
  [20348, "Windows Server 2022"],
  [26100, "Windows Server 2025"],
];

const CLIENT_BUILDS: [number, string][] = [
  [2600, "Windows XP"],
  [6003, "Windows Vista"],
  [7601, "Windows 7"],
  [9200, "Windows 8"],
  [9600, "Windows 8.1"],
  [19045, "Windows 10"],
  [22000, "Windows 11 21H2"],
  [22621, "Windows 11 22H2"],
  [22631, "Windows 11 23H2"],
  [26100, "Windows 11 24H2"],
  [26200, "Windows 11 25H2"],
];

/** "Windows Server 2019 (build 17763)" / "Windows 10 (build 19045)"; undefined for an unknown build. */
export function windowsNameFromBuild(build: number, server: boolean): string | undefined {
  const table = server ? SERVER_BUILDS : CLIENT_BUILDS;
  // A build belongs to the first release whose last build is at or above it (7600 → 7601's release).
  const entry = table.find(([last]) => build <= last);
  if (!entry) return undefined;
  if (!server && build > 9600 && build < 22000) return `Windows 10 (build ${build})`;
  return `${entry[1]} (build ${build})`;
}

/** Pulls a Windows build number out of "10.0.17763", "NT 6.3.9600" or "(Build 9600 Multiprocessor Free)". */
export function windowsBuildIn(text: string): number | undefined {
  const match = /\b(?:5\.[12]|6\.[0-3]|10\.0)\.(\d{4,5})\b/.exec(text) ?? /\bBuild (\d{4,5})\b/i.exec(text);
  return match?.[1] ? Number(match[1]) : undefined;
}
