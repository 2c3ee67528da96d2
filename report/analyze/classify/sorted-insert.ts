/**
 * Adds a number to an ascending list of distinct numbers, keeping it ascending; no-op when it is
 * already there. For the handful of signature indexes a host collects: cheaper than push + sort,
 * whose set-up allocates on every call while V8 still interprets the caller.
 */
export function insertAscendingOnce(list: number[], value: number): void {
  let at = list.length;
  while (at > 0 && list[at - 1]! > value) at--;
  if (at > 0 && list[at - 1] === value) return;
  list.push(value);
  for (let i = list.length - 1; i > at; i--) list[i] = list[i - 1]!;
  list[at] = value;
}
