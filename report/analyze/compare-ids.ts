/** Lowercase kebab-case: rule ids, finding ids, categories, project ids. */
const KEBAB = /^[a-z0-9-]*$/;

/**
 * Orders ids as `a.localeCompare(b)` does. For lowercase kebab-case ids the collator's order is
 * code-point order, so those are compared directly: the first localeCompare of a process starts
 * ICU's collator (≈ 9 ms), a tenth of a cold analysis. Anything else still goes to localeCompare.
 */
export function compareIds(a: string, b: string): number {
  if (KEBAB.test(a) && KEBAB.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}
