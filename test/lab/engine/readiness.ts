import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { LabContext } from "./context.js";
import type { StartedHost } from "./hosts.js";
import { run } from "./run.js";

/** Listening sockets in a namespace, as "445/tcp", read with `ss -N` (no process is started inside). */
async function listening(ns: string): Promise<Set<string>> {
  const r = await run(["ss", "-N", ns, "-H", "-l", "-n", "-t", "-u"], { timeoutMs: 5000 });
  const set = new Set<string>();
  for (const line of r.stdout.split("\n")) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 5) continue;
    const local = cols[4]!;
    const port = local.slice(local.lastIndexOf(":") + 1);
    set.add(`${port}/${cols[0]}`);
  }
  return set;
}

function missingOn(h: StartedHost, socks: Set<string>): string[] {
  return [...h.sockets.tcp.map((p) => `${p}/tcp`), ...h.sockets.udp.map((p) => `${p}/udp`)].filter(
    (s) => !socks.has(s),
  );
}

/** Waits until every daemon of every host listens; throws naming what is missing and the logs' last lines. */
export async function waitUntilListening(
  ctx: LabContext,
  hosts: StartedHost[],
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let pending = hosts;
  let last = new Map<string, string[]>();
  while (pending.length > 0) {
    const results = await Promise.all(
      pending.map(async (h) => ({ h, missing: missingOn(h, await listening(h.ns)) })),
    );
    last = new Map(results.map((r) => [r.h.host.name, r.missing]));
    pending = results.filter((r) => r.missing.length > 0).map((r) => r.h);
    if (pending.length === 0) return;
    const dead = pending.filter((h) => !alive(h.pid));
    if (dead.length > 0 || Date.now() > deadline) {
      const detail = await Promise.all(
        pending.map(
          async (h) =>
            `${h.host.name}: not listening on ${last.get(h.host.name)?.join(", ")}${alive(h.pid) ? "" : " (its start script exited)"}\n${await logTail(ctx, h)}`,
        ),
      );
      throw new Error(
        `lab ${ctx.spec.name}: daemons did not come up within ${timeoutMs} ms:\n${detail.join("\n")}`,
      );
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function logTail(ctx: LabContext, h: StartedHost): Promise<string> {
  const dir = ctx.hostDir(h.host);
  const files = (await readdir(dir)).filter((f) => f.endsWith(".log") || f.endsWith(".provision"));
  const parts = await Promise.all(
    files.map(async (f) => {
      const text = (await readFile(join(dir, f), "utf8").catch(() => ""))
        .trim()
        .split("\n")
        .slice(-6)
        .join("\n    ");
      return text ? `  ${f}:\n    ${text}` : "";
    }),
  );
  return parts.filter(Boolean).join("\n");
}
