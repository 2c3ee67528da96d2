import { setFlagsFromString } from "node:v8";

/**
 * How much bytecode a function runs before V8 considers optimising it: 4 × V8's default in
 * Node 20 (66 KB). sweetspot's commands are short: a 1,000-device analysis is ~0.15 s of
 * JavaScript. With the default, V8's optimising compiler starts ~50 background jobs in that
 * time, ~0.23 s of CPU on its own threads, and on a 2-core laptop they take the core the main
 * thread needs: 0.19 s wall for 0.145 s of work (BENCHMARKS.md, "V8 tiering"). With 4 × the
 * budget only code that stays hot is optimised; 5,000-device audits and `report --watch`
 * re-renders still get it.
 */
export const SHORT_RUN_INTERRUPT_BUDGET = 264 * 1024;

const FLAG = "--interrupt-budget";

/**
 * Sets V8's tier-up budget for a short command-line run, unless the user gave their own
 * (`node --interrupt-budget=N bin/sweetspot.js …`; Node refuses it in NODE_OPTIONS). Call before
 * the work starts: the budget applies to functions as they are first run. Returns whether it was set.
 */
export function tuneV8ForShortRuns(execArgv: readonly string[] = process.execArgv): boolean {
  if (execArgv.some((arg) => arg.startsWith(FLAG))) return false;
  setFlagsFromString(`${FLAG}=${SHORT_RUN_INTERRUPT_BUDGET}`);
  return true;
}
