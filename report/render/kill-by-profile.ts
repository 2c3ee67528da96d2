import { readdir, readFile } from "node:fs/promises";

/**
 * Finds and kills a Chromium that hung before puppeteer could hand us its process: every process
 * started with our unique --user-data-dir (the browser's helpers), and every child of this
 * process that appeared while it was launching (the browser itself, even if it exec'd into
 * something else). Nothing else is touched. Linux only (/proc); elsewhere a no-op.
 */
export async function childPids(): Promise<Set<number>> {
  const out = new Set<number>();
  for (const pid of await listPids()) {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so parse after the last ")".
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (ppid === process.pid) out.add(pid);
  }
  return out;
}

export async function killChromiumLeftovers(profile: string, childrenBefore: Set<number>): Promise<number> {
  if (process.platform !== "linux") return 0;
  const marker = `--user-data-dir=${profile}`;
  const doomed = new Set<number>();
  for (const pid of await childPids()) if (!childrenBefore.has(pid)) doomed.add(pid);
  for (const pid of await listPids()) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
    if (cmdline.split("\0").includes(marker)) doomed.add(pid);
  }
  let killed = 0;
  for (const pid of doomed) {
    try {
      process.kill(pid, "SIGKILL");
      killed++;
    } catch {
      // already gone
    }
  }
  return killed;
}

async function listPids(): Promise<number[]> {
  if (process.platform !== "linux") return [];
  return (await readdir("/proc").catch(() => [] as string[]))
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => pid !== process.pid);
}
