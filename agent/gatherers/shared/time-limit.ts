import { setMaxListeners } from "node:events";

/** Thrown when a bounded operation runs past its limit or the scan is interrupted. */
export class TimeLimitError extends Error {
  constructor(what: string, ms: number) {
    super(`${what}: no answer within ${ms} ms`);
    this.name = "TimeLimitError";
  }
}

export class AbortedError extends Error {
  constructor(what: string) {
    super(`${what}: interrupted`);
    this.name = "AbortedError";
  }
}

/**
 * Resolves with `work` unless `ms` pass first or `signal` aborts; `onStop` releases the
 * underlying socket or child so nothing lingers after a timeout.
 */
export function withTimeLimit<T>(
  work: Promise<T>,
  ms: number,
  what: string,
  signal?: AbortSignal,
  onStop?: () => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) {
      onStop?.();
      reject(new AbortedError(what));
      return;
    }
    const finish = (fn: () => void): void => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      fn();
    };
    const onAbort = (): void =>
      finish(() => {
        onStop?.();
        reject(new AbortedError(what));
      });
    const timer = setTimeout(
      () =>
        finish(() => {
          onStop?.();
          reject(new TimeLimitError(what, ms));
        }),
      ms,
    );
    signal?.addEventListener("abort", onAbort, { once: true });
    work.then(
      (value) => finish(() => resolve(value)),
      (error: unknown) => finish(() => reject(error)),
    );
  });
}

/** Waits `ms`, or less when the signal aborts (never rejects). */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

/**
 * A child of the scan's signal for one collector's many concurrent waits: it aborts with the
 * parent, and its listener count (one per request in flight) does not trip Node's leak warning.
 */
export function collectorSignal(parent: AbortSignal, maxListeners = 128): AbortSignal {
  const child = AbortSignal.any([parent]);
  setMaxListeners(maxListeners, child);
  return child;
}
