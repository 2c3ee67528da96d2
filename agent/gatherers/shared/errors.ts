/** A short one-line reason for a warning; never a stack. */
export function reason(error: unknown): string {
  if (error instanceof Error) return (error.message.split("\n")[0] ?? error.name).slice(0, 300);
  return String(error).slice(0, 300);
}
