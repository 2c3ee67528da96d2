import { spawn } from "node:child_process";
import { loadavg } from "node:os";

/** One command the harness times; `before`/`after` run untimed around each run (e.g. to pick output paths). */
export interface BenchCommand {
  name: string;
  argv: (round: number) => string[];
  timeoutMs: number;
  after?: (round: number, result: RunResult) => Promise<void> | void;
}

export interface RunResult {
  name: string;
  round: number;
  wallMs: number;
  code: number | null;
  timedOut: boolean;
  load1: number;
  stdout: string;
  stderr: string;
}

/** Process groups of the children still running: stopped when the harness exits (Ctrl-C included). */
const running = new Set<number>();
process.on("exit", () => {
  for (const pid of running) {
    try {
      process.kill(-pid, "SIGTERM");
    } catch {}
  }
});

/** Runs argv with a hard time limit; returns wall time measured around the child process. */
export function timedRun(
  argv: string[],
  timeoutMs: number,
): Promise<Omit<RunResult, "name" | "round" | "load1">> {
  return new Promise((resolve, reject) => {
    const [cmd, ...args] = argv;
    if (!cmd) return reject(new Error("empty argv"));
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"], detached: true });
    if (child.pid) running.add(child.pid);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      if (stdout.length < 4_000_000) stdout += d;
    });
    child.stderr.on("data", (d) => {
      if (stderr.length < 200_000) stderr += d;
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      // the child leads its own process group: stop it and whatever it started (nmap, chromium)
      try {
        if (child.pid) process.kill(-child.pid, "SIGTERM");
      } catch {}
    }, timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      if (child.pid) running.delete(child.pid);
      clearTimeout(timer);
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      resolve({ wallMs, code, timedOut, stdout, stderr });
    });
  });
}

/** A B C A B C …: each command once per round, so drifting load hits all of them alike. */
export async function runAlternating(
  commands: BenchCommand[],
  rounds: number,
  onRun?: (r: RunResult) => void,
): Promise<RunResult[]> {
  const results: RunResult[] = [];
  for (let round = 1; round <= rounds; round++) {
    for (const c of commands) {
      const load1 = loadavg()[0] ?? 0;
      const r = await timedRun(c.argv(round), c.timeoutMs);
      const result: RunResult = { name: c.name, round, load1, ...r };
      results.push(result);
      onRun?.(result);
      await c.after?.(round, result);
    }
  }
  return results;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

export interface Summary {
  name: string;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  failures: number;
  meanLoad1: number;
}

export function summarize(results: RunResult[]): Summary[] {
  const names = [...new Set(results.map((r) => r.name))];
  return names.map((name) => {
    const rs = results.filter((r) => r.name === name);
    const ok = rs.filter((r) => r.code === 0 && !r.timedOut);
    const times = ok.map((r) => r.wallMs);
    return {
      name,
      runs: rs.length,
      medianMs: median(times),
      minMs: Math.min(...times),
      maxMs: Math.max(...times),
      failures: rs.length - ok.length,
      meanLoad1: rs.reduce((a, r) => a + r.load1, 0) / Math.max(1, rs.length),
    };
  });
}

/** Per-round ratio a/b (same round, so the same load), and its median. */
export function pairedRatios(
  results: RunResult[],
  a: string,
  b: string,
): { perRound: number[]; median: number } {
  const perRound: number[] = [];
  const rounds = [...new Set(results.map((r) => r.round))];
  for (const round of rounds) {
    const ra = results.find((r) => r.round === round && r.name === a);
    const rb = results.find((r) => r.round === round && r.name === b);
    if (!ra || !rb || ra.code !== 0 || rb.code !== 0 || ra.timedOut || rb.timedOut) continue;
    perRound.push(ra.wallMs / rb.wallMs);
  }
  return { perRound, median: median(perRound) };
}

export function fmtS(ms: number): string {
  return Number.isFinite(ms) ? `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s` : "–";
}
