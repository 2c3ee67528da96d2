/**
 * Signature lookups remembered by the text they were asked about. An office has hundreds of
 * identical workstations: the same vendor name, product string or banner is tested against every
 * signature once, not once per host. Answers depend only on the text, so remembering is exact.
 */
const MAX_REMEMBERED = 20_000;
/** Longer texts (10 kB banners) are looked up every time rather than kept. */
const MAX_KEY_LENGTH = 1_000;

/** Kept for an undefined answer, so that a remembered "no" costs one look-up, not get + has. */
const NO_ANSWER = Symbol("no answer");

export class RememberedLookup<T> {
  readonly #answers = new Map<string, T | typeof NO_ANSWER>();

  constructor(private readonly lookUp: (text: string) => T) {}

  get(text: string): T {
    if (text.length > MAX_KEY_LENGTH) return this.lookUp(text);
    const remembered = this.#answers.get(text);
    if (remembered !== undefined) return (remembered === NO_ANSWER ? undefined : remembered) as T;
    const answer = this.lookUp(text);
    // Bounded: a long-lived process analysing many audits never grows without limit.
    if (this.#answers.size >= MAX_REMEMBERED) this.#answers.clear();
    this.#answers.set(text, answer === undefined ? NO_ANSWER : answer);
    return answer;
  }
}

/** A per-object memo for facts derived from one host (hosts are never changed once parsed). */
export function memoisedPerObject<K extends object, T>(derive: (key: K) => T): (key: K) => T {
  const memo = new WeakMap<K, T>();
  return (key) => {
    // One look-up when remembered; `has` only tells a remembered undefined from a new key.
    const remembered = memo.get(key);
    if (remembered !== undefined || memo.has(key)) return remembered as T;
    const value = derive(key);
    memo.set(key, value);
    return value;
  };
}
