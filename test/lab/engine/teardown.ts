import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { LAB_ROOT, NS_PATTERN, NS_PREFIX, netnsEtcDir, RUN_ID_PATTERN, runDir } from "./paths.js";
import { run } from "./run.js";

export interface RunOwner {
  pid: number;
  /** "test": torn down when its process ends; "cli": stays up until `npm run lab -- down`. */
  mode: "test" | "cli";
  scenario: string;
  startedAt: string;
}

export interface RunInfo {
  runId: string;
  namespaces: string[];
  owner?: RunOwner;
  ownerAlive: boolean;
}

/** This project's lab namespaces (ss<runId>-<key>) currently present. */
export async function labNamespaces(): Promise<string[]> {
  const r = await run(["ip", "netns", "list"], { timeoutMs: 10_000 });
  if (r.code !== 0) throw new Error(`lab: \`ip netns list\` failed: ${r.stderr.trim()}`);
  return r.stdout
    .split("\n")
    .map((l) => l.trim().split(/\s+/)[0] ?? "")
    .filter((n) => NS_PATTERN.test(n));
}

function readOwner(runId: string): RunOwner | undefined {
  try {
    return JSON.parse(readFileSync(join(runDir(runId), "owner.json"), "utf8")) as RunOwner;
  } catch {
    return undefined;
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function listRuns(): Promise<RunInfo[]> {
  const byRun = new Map<string, string[]>();
  for (const ns of await labNamespaces()) {
    const id = NS_PATTERN.exec(ns)![1]!;
    byRun.set(id, [...(byRun.get(id) ?? []), ns]);
  }
  if (existsSync(LAB_ROOT)) {
    for (const d of await readdir(LAB_ROOT)) if (RUN_ID_PATTERN.test(d) && !byRun.has(d)) byRun.set(d, []);
  }
  return [...byRun.entries()].map(([runId, namespaces]) => {
    const owner = readOwner(runId);
    return { runId, namespaces, owner, ownerAlive: owner ? pidAlive(owner.pid) : false };
  });
}

async function nsPids(ns: string): Promise<number[]> {
  const r = await run(["ip", "netns", "pids", ns], { timeoutMs: 10_000 });
  return r.stdout
    .split("\n")
    .map((s) => Number.parseInt(s, 10))
    .filter((n) => Number.isInteger(n) && n > 1 && n !== process.pid);
}

function signal(pids: number[], sig: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, sig);
    } catch {
      /* already gone */
    }
  }
}

/** Ends every process inside the given namespaces (TERM, then KILL after 3 s), then deletes them. */
export async function removeNamespaces(namespaces: string[]): Promise<void> {
  const pids = (await Promise.all(namespaces.map(nsPids))).flat();
  signal(pids, "SIGTERM");
  const deadline = Date.now() + 3000;
  while (Date.now() < deadline) {
    const left = (await Promise.all(namespaces.map(nsPids))).flat();
    if (left.length === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  signal((await Promise.all(namespaces.map(nsPids))).flat(), "SIGKILL");
  // The switch last: deleting it drops the bridge and the switch ends of every veth.
  const ordered = [...namespaces].sort((a, b) => Number(a.endsWith("-sw")) - Number(b.endsWith("-sw")));
  for (const ns of ordered) {
    const r = await run(["ip", "netns", "del", ns], { timeoutMs: 10_000 });
    if (r.code !== 0 && !/No such file/.test(r.stderr))
      throw new Error(`lab: could not delete namespace ${ns}: ${r.stderr.trim()}`);
    await rm(netnsEtcDir(ns), { recursive: true, force: true });
  }
}

/** Ends one run: its daemons, namespaces, /etc/netns entries and (unless kept) its run directory. */
export async function tearDownRun(runId: string, opts: { keepDir?: boolean } = {}): Promise<void> {
  const namespaces = (await labNamespaces()).filter((ns) => NS_PATTERN.exec(ns)?.[1] === runId);
  await removeNamespaces(namespaces);
  await removeNetnsEtcLeftovers(runId);
  if (!opts.keepDir && !process.env.SWEETSPOT_LAB_KEEP)
    await rm(runDir(runId), { recursive: true, force: true });
}

async function removeNetnsEtcLeftovers(runId?: string): Promise<void> {
  if (!existsSync("/etc/netns")) return;
  for (const d of await readdir("/etc/netns")) {
    const m = NS_PATTERN.exec(d);
    if (m && (runId === undefined || m[1] === runId))
      await rm(join("/etc/netns", d), { recursive: true, force: true });
  }
}

/**
 * Crash clean-up: removes every namespace, daemon, /etc/netns entry and run directory this
 * project's lab created whose name starts with `prefix` (default: all of them, including labs
 * left up on purpose with `npm run lab -- up`).
 */
export async function tearDownAll(prefix: string = NS_PREFIX): Promise<void> {
  const namespaces = (await labNamespaces()).filter((ns) => ns.startsWith(prefix));
  await removeNamespaces(namespaces);
  if (existsSync("/etc/netns")) {
    for (const d of await readdir("/etc/netns")) {
      if (NS_PATTERN.test(d) && d.startsWith(prefix))
        await rm(join("/etc/netns", d), { recursive: true, force: true });
    }
  }
  if (existsSync(LAB_ROOT)) {
    for (const d of await readdir(LAB_ROOT)) {
      if (RUN_ID_PATTERN.test(d) && `${NS_PREFIX}${d}-`.startsWith(prefix)) {
        await rm(join(LAB_ROOT, d), { recursive: true, force: true });
      }
    }
  }
}

/**
 * Removes what earlier test runs left behind (their process died before tearing down), without
 * touching labs still owned by a live process or left up on purpose by `npm run lab -- up`:
 * several engineers may run the lab on one machine at once.
 */
export async function cleanStaleRuns(): Promise<string[]> {
  const stale = (await listRuns()).filter((r) => !r.ownerAlive && r.owner?.mode !== "cli");
  for (const r of stale) await tearDownRun(r.runId);
  return stale.map((r) => r.runId);
}

/** Synchronous tear-down for process "exit" handlers, where nothing asynchronous runs any more. */
export function tearDownRunSync(runId: string): void {
  const list = (() => {
    try {
      return execFileSync("ip", ["netns", "list"], { encoding: "utf8" });
    } catch {
      return "";
    }
  })();
  const namespaces = list
    .split("\n")
    .map((l) => l.trim().split(/\s+/)[0] ?? "")
    .filter((n) => NS_PATTERN.exec(n)?.[1] === runId);
  for (const ns of namespaces) {
    try {
      const pids = execFileSync("ip", ["netns", "pids", ns], { encoding: "utf8" })
        .split("\n")
        .map((s) => Number.parseInt(s, 10))
        .filter((n) => Number.isInteger(n) && n > 1 && n !== process.pid);
      signal(pids, "SIGKILL");
    } catch {
      /* namespace already gone */
    }
  }
  for (const ns of namespaces) {
    try {
      execFileSync("ip", ["netns", "del", ns], { stdio: "ignore" });
    } catch {
      /* already gone */
    }
    rmSync(netnsEtcDir(ns), { recursive: true, force: true });
  }
  if (existsSync("/etc/netns")) {
    for (const d of readdirSync("/etc/netns")) {
      if (NS_PATTERN.exec(d)?.[1] === runId) rmSync(join("/etc/netns", d), { recursive: true, force: true });
    }
  }
  if (!process.env.SWEETSPOT_LAB_KEEP) rmSync(runDir(runId), { recursive: true, force: true });
}

export async function readTruthFile(runId: string): Promise<string | undefined> {
  return readFile(join(runDir(runId), "truth.json"), "utf8").catch(() => undefined);
}
