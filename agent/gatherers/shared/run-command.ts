import { execFile } from "node:child_process";

export interface CommandResult {
  stdout: string;
  stderr: string;
  /** Exit code; null when the command could not start or was killed. */
  code: number | null;
}

/** Runs a local command (never a network probe) with a time limit; never rejects. */
export function runCommand(
  file: string,
  args: readonly string[],
  timeoutMs = 5000,
  signal?: AbortSignal,
): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(
      file,
      [...args],
      { timeout: timeoutMs, signal, maxBuffer: 4 * 1024 * 1024, windowsHide: true, encoding: "utf8" },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
        resolve({ stdout: String(stdout ?? ""), stderr: String(stderr ?? ""), code });
      },
    );
  });
}
