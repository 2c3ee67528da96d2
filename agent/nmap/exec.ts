import { spawn } from "node:child_process";
import { FailError } from "../../lib/errors.js";

export interface NmapProgress {
  /** nmap's own estimate for the current task (from --stats-every). */
  percent?: number;
  task?: string;
  /** Hosts whose results nmap has written so far. */
  hostsDone: number;
}

export interface NmapExecOptions {
  args: string[];
  nmapPath?: string;
  signal?: AbortSignal;
  /** Hard limit for the whole process; it is killed after this. */
  timeoutMs: number;
  /** Time between SIGTERM and SIGKILL. */
  killGraceMs?: number;
  onProgress?: (progress: NmapProgress) => void;
}

export interface NmapExecResult {
  /** Everything nmap wrote to stdout (-oX -): complete, or cut short when it was stopped. */
  xml: string;
  stderr: string;
  exitCode: number | null;
  /** Why the process was stopped, when it was. */
  stoppedBy?: "abort" | "timeout";
  durationMs: number;
  command: string;
}

export const NMAP_INSTALL_HINT =
  "install nmap: Debian/Ubuntu `sudo apt-get install nmap` · macOS `brew install nmap` · Windows https://nmap.org/download";

/**
 * Runs nmap with an argument array (never through a shell). Resolves with whatever XML nmap
 * wrote even when it was aborted or timed out, so finished hosts survive; rejects only when nmap
 * could not be started.
 */
export function runNmap(options: NmapExecOptions): Promise<NmapExecResult> {
  const binary = options.nmapPath ?? "nmap";
  const command = [binary, ...options.args].map(quoteArg).join(" ");
  const started = Date.now();
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      resolve({ xml: "", stderr: "", exitCode: null, stoppedBy: "abort", durationMs: 0, command });
      return;
    }
    const child = spawn(binary, options.args, { stdio: ["ignore", "pipe", "pipe"] });
    const out: string[] = [];
    let stderr = "";
    let hostsDone = 0;
    let tail = "";
    let stoppedBy: NmapExecResult["stoppedBy"];
    let killTimer: NodeJS.Timeout | undefined;

    const stop = (reason: "abort" | "timeout") => {
      if (stoppedBy || child.exitCode !== null) return;
      stoppedBy = reason;
      child.kill("SIGTERM");
      killTimer = setTimeout(() => child.kill("SIGKILL"), options.killGraceMs ?? 3000);
    };
    const onAbort = () => stop("abort");
    options.signal?.addEventListener("abort", onAbort, { once: true });
    const hardTimer = setTimeout(() => stop("timeout"), options.timeoutMs);

    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      out.push(chunk);
      const text = tail + chunk;
      const ended = text.split("</host>").length - 1;
      const progress = /<taskprogress[^>]*task="([^"]*)"[^>]*percent="([\d.]+)"/g;
      let last: RegExpExecArray | null = null;
      for (let match = progress.exec(text); match; match = progress.exec(text)) last = match;
      // Keep only what follows the last complete </host>, so no host is counted twice.
      const lastEnd = text.lastIndexOf("</host>");
      tail = (lastEnd >= 0 ? text.slice(lastEnd + 7) : text).slice(-200);
      hostsDone += ended;
      if (ended > 0 || last) {
        options.onProgress?.({ hostsDone, task: last?.[1], percent: last ? Number(last[2]) : undefined });
      }
    });
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      if (stderr.length < 64_000) stderr += chunk;
    });

    const finish = () => {
      clearTimeout(hardTimer);
      if (killTimer) clearTimeout(killTimer);
      options.signal?.removeEventListener("abort", onAbort);
    };
    child.on("error", (error: NodeJS.ErrnoException) => {
      finish();
      if (error.code === "ENOENT") reject(new FailError(`nmap not found (${binary})`, NMAP_INSTALL_HINT));
      else reject(new FailError(`cannot run nmap: ${error.message}`));
    });
    child.on("close", (code) => {
      finish();
      resolve({
        xml: out.join(""),
        stderr,
        exitCode: code,
        stoppedBy,
        durationMs: Date.now() - started,
        command,
      });
    });
  });
}

/** nmap's warnings from stderr, one per line, without the noise. */
export function stderrWarnings(stderr: string): string[] {
  return (
    stderr
      .split("\n")
      .map((line) => line.trim())
      // Timing notes ("RTTVAR has grown…") are nmap tuning itself, not something the consultant can act on.
      .filter(
        (line) =>
          line &&
          !line.startsWith("caught SIG") &&
          !/^QUITTING!?$/.test(line) &&
          !/^RTTVAR has grown/.test(line),
      )
      .slice(0, 20)
  );
}

function quoteArg(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`;
}
