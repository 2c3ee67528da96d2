import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { bringUp, type LabHandle } from "../../../lab/index.js";
import { run } from "../../../lab/engine/run.js";
import { HOSTILE_TCP } from "../../../lab/scenarios/hostile.js";

/**
 * Shared by the hardening lab tests (test/integration/hardening-*.test.ts): bring up a private run
 * of the `hostile` scenario and start its tarpit and reset peers, which the lab engine does not
 * know (test/lab/scenarios/hostile.ts). Everything runs inside the lab's namespaces; the lab's
 * teardown ends every process in them.
 */
export const ROOT = process.cwd();
export const BIN = join(ROOT, "bin", "sweetspot.js");

export function hostNs(lab: LabHandle, key: string): string {
  return `ss${lab.runId}-${key}`;
}

export async function bringUpHostile(): Promise<LabHandle> {
  const lab = await bringUp("hostile");
  try {
    for (const [key, ports] of Object.entries(HOSTILE_TCP)) {
      const child = spawn(
        "ip",
        [
          "netns",
          "exec",
          hostNs(lab, key),
          process.execPath,
          "--import",
          "tsx",
          join(ROOT, "test/lab/daemons/hostile-tcp.ts"),
          JSON.stringify(ports),
        ],
        { cwd: ROOT, detached: true, stdio: "ignore" },
      );
      child.unref();
      await waitListening(hostNs(lab, key), ports.length, 20_000);
    }
  } catch (e) {
    await lab.down();
    throw e;
  }
  return lab;
}

async function waitListening(ns: string, count: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await run(["ss", "-N", ns, "-H", "-l", "-n", "-t"], { timeoutMs: 5000 });
    const n = r.stdout.split("\n").filter((l) => l.trim()).length;
    if (n >= count) return;
    if (Date.now() > deadline) throw new Error(`hostile lab: ${ns} listens on ${n} of ${count} TCP ports`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  seconds: number;
}

/** `sweetspot …` inside a lab namespace (the agent's, unless told). */
export function startCli(ns: string, args: string[], env: Record<string, string> = {}): { child: ChildProcess; done: Promise<CliRun> } {
  const started = Date.now();
  const child = spawn("ip", ["netns", "exec", ns, process.execPath, BIN, ...args], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NO_COLOR: "1", SWEETSPOT_DEBUG: "", ...env },
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d) => {
    stdout += d;
  });
  child.stderr?.on("data", (d) => {
    stderr += d;
  });
  const done = new Promise<CliRun>((resolve) => {
    child.on("close", (code, signal) =>
      resolve({ code, signal, stdout, stderr, seconds: (Date.now() - started) / 1000 }),
    );
  });
  return { child, done };
}

/** Every process below `pid` (from /proc), e.g. the nmap that our own scan started. */
export function descendants(pid: number): { pid: number; comm: string }[] {
  const all: { pid: number; ppid: number; comm: string }[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const close = stat.lastIndexOf(")");
      all.push({
        pid: Number(entry),
        comm: stat.slice(stat.indexOf("(") + 1, close),
        ppid: Number(stat.slice(close + 2).split(" ")[1]),
      });
    } catch {
      /* gone */
    }
  }
  const out: { pid: number; comm: string }[] = [];
  const queue = [pid];
  while (queue.length) {
    const p = queue.shift()!;
    for (const c of all.filter((x) => x.ppid === p)) {
      out.push({ pid: c.pid, comm: c.comm });
      queue.push(c.pid);
    }
  }
  return out;
}

/** Error lines of a CLI run: what the user sees as the failure (progress lines start with "["). */
export function errorLines(stderr: string): string[] {
  return stderr.split("\n").filter((l) => l.startsWith("sweetspot:"));
}
