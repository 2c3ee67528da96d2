const CAP_NET_RAW = 13n;

/** The effective capability mask from /proc/self/status ("CapEff:\t0000003fffffffff"). */
export function hasCapNetRaw(procStatus: string): boolean {
  const hex = /^CapEff:\s*([0-9a-f]+)/im.exec(procStatus)?.[1];
  if (!hex) return false;
  return ((BigInt(`0x${hex}`) >> CAP_NET_RAW) & 1n) === 1n;
}

/** "Nmap version 7.93 ( https://nmap.org )" → "7.93". */
export function parseNmapVersion(text: string): string | undefined {
  return /Nmap version (\S+)/.exec(text)?.[1];
}
