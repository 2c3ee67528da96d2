/**
 * Signature lookups remembered by the text they were asked about. An office has hundreds of
 * identical workstations: the same vendor name, product string or banner is tested against every
 * signature once, not once per host. Answers depend only on the text, so remembering is exact.
 */
const MAX_REMEMBERED = 20_000;
/** Longer texts (10 kB banners) are looked up every time rather than kept. */
const MAX_KEY_LENGTH = 1_000;

export class RememberedLookup<T> {
  readonly #answers = new Map<string, T>();

  constructor(private readonly lookUp: (text: string) => T) {}

  get(text: string): T {
    if (text.length > MAX_KEY_LENGTH) return this.lookUp(text);
    let answer = this.#answers.get(text);
    if (answer === undefined && !this.#answers.has(text)) {
      answer = this.lookUp(text);
      // Bounded: a long-lived process analysing many audits never grows without limit.
      if (this.#answers.size >= MAX_REMEMBERED) this.#answers.clear();
      this.#answers.set(text, answer);
    }
    return answer as T;
  }
}

/** A per-object memo for facts derived from one host (hosts are never changed once parsed). */
export function memoisedPerObject<K extends object, T>(derive: (key: K) => T): (key: K) => T {
  const memo = new WeakMap<K, T>();
  return (key) => {
    if (memo.has(key)) return memo.get(key) as T;
    const value = derive(key);
    memo.set(key, value);
    return value;
  };
}
