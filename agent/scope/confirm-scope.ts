import { createInterface } from "node:readline/promises";
import { UsageError } from "../../lib/errors.js";
import { describeScope, type ResolvedScope } from "./resolve-scope.js";

export interface ConfirmOptions {
  yes: boolean;
  /** Both stdin and stderr are terminals. */
  interactive: boolean;
  /** Asks a y/N question; resolves with the answer. */
  ask: (question: string) => Promise<string>;
  /** Prints a line for the user. */
  print: (line: string) => void;
}

/**
 * An auto-detected scope is printed and confirmed before any packet is sent; explicit targets are
 * the confirmation. Throws UsageError when the consultant says no or cannot be asked.
 */
export async function confirmScope(scope: ResolvedScope, options: ConfirmOptions): Promise<void> {
  if (!scope.autoDetected) return;
  const text = describeScope(scope);
  options.print(`Scope (auto-detected): ${text}`);
  if (options.yes) return;
  if (!options.interactive) {
    throw new UsageError(
      `refusing to scan the auto-detected scope ${scope.targets.join(", ")} without confirmation`,
      "rerun with --yes or name targets",
    );
  }
  const answer = (await options.ask("Scan this network? [y/N] ")).trim().toLowerCase();
  if (answer !== "y" && answer !== "yes") {
    throw new UsageError(
      "scan cancelled: the scope was not confirmed",
      "name the targets to scan, or answer y",
    );
  }
}

/** A y/N question on the terminal (stdin → stderr, so stdout stays clean). */
export async function askOnTerminal(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}
