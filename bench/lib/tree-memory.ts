import { readdirSync, readFileSync } from "node:fs";

/** pid → parent pid, for every process visible in /proc. */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // the command name may hold spaces and parentheses: fields start after the last ")"
      const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      map.set(Number(entry), Number(rest[1]));
    } catch {}
  }
  return map;
}

function kb(path: string, field: string): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(path, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** RSS and PSS (shared pages split between sharers) summed over a process and all its descendants. */
export function treeMemoryKb(root: number): { rssKb: number; pssKb: number; processes: number } {
  const pp = parents();
  const tree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of pp)
      if (tree.has(ppid) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
  }
  let rssKb = 0;
  let pssKb = 0;
  for (const pid of tree) {
    rssKb += kb(`/proc/${pid}/status`, "VmRSS");
    pssKb += kb(`/proc/${pid}/smaps_rollup`, "Pss");
  }
  return { rssKb, pssKb, processes: tree.size };
}

/** Samples treeMemoryKb(pid) every `everyMs` until stopped; returns the peaks. */
export function samplePeakMemory(pid: number, everyMs = 100) {
  const peak = { rssKb: 0, pssKb: 0, processes: 0 };
  const tick = () => {
    const m = treeMemoryKb(pid);
    peak.rssKb = Math.max(peak.rssKb, m.rssKb);
    peak.pssKb = Math.max(peak.pssKb, m.pssKb);
    peak.processes = Math.max(peak.processes, m.processes);
  };
  const timer = setInterval(tick, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
