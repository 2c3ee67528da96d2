/**
 * Errors a user can act on. Commands throw these; only cli/main.ts turns them into a one-line
 * message and an exit code (1 failed, 2 bad usage). Nothing else calls process.exit.
 */
export class SweetspotError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
    /** What the user should do about it, shown after the message. */
    readonly fix?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }

  /** The one line printed to the user. */
  get line(): string {
    return this.fix ? `${this.message} — ${this.fix}` : this.message;
  }
}

/** Bad usage: wrong arguments, invalid input files (exit 2). */
export class UsageError extends SweetspotError {
  constructor(message: string, fix?: string) {
    super(message, 2, fix);
  }
}

/** The work could not be done: a tool missing, a scan failed, a file not writable (exit 1). */
export class FailError extends SweetspotError {
  constructor(message: string, fix?: string) {
    super(message, 1, fix);
  }
}

/** Turns an unknown thrown value into a short message (no stack). */
export function describeError(error: unknown): string {
  if (error instanceof SweetspotError) return error.line;
  if (error instanceof Error) return error.message.split("\n")[0] ?? error.name;
  return String(error);
}
