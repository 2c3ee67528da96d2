/** msDS-Behavior-Version values (domainFunctionality, forestFunctionality, domainControllerFunctionality). */
const LEVELS: Record<number, string> = {
  0: "2000",
  1: "2003 interim",
  2: "2003",
  3: "2008",
  4: "2008 R2",
  5: "2012",
  6: "2012 R2",
  7: "2016",
  10: "2025",
};

/** "7" → "2016"; an unknown number is kept as "level N" so nothing is lost. */
export function functionalLevelName(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) return undefined;
  return LEVELS[n] ?? `level ${n}`;
}
