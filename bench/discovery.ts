/**
 * Discovery at scale: a /24 with 220+ live hosts and an empty /20 (bench/lab/scale-lab.ts), from
 * the lab's agent namespace: sweetspot's discovery phase (bench/discovery-only.mjs) vs
 * `nmap -sn` vs `arp-scan -I eth0`, alternated A B C A B C …
 *
 *   npx tsx bench/discovery.ts [--rounds 7] [--empty-rounds 5] [--dead-dns]
 *
 * --dead-dns: the agent's resolver does not answer (one round per target, bounded at 400 s): shows
 * what reverse DNS to a dead resolver costs. Needs root and a built CLI.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { bringUpScaleLab } from "./lab/scale-lab.js";
import { type RunResult, fmtS, pairedRatios, runAlternating, summarize } from "./lib/alternate.js";
import { machineInfo } from "./lib/machine.js";

const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "7" },
    "empty-rounds": { type: "string", default: "5" },
    "dead-dns": { type: "boolean", default: false },
  },
});
const dead = values["dead-dns"] === true;
const machine = machineInfo();
const lab = bringUpScaleLab(220, dead ? "dead" : "answering");
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const resultsPath = join(import.meta.dirname, "results", `discovery${dead ? "-dead-dns" : ""}-${stamp}.json`);
mkdirSync(join(import.meta.dirname, "results"), { recursive: true });
const discoveryOnly = join(import.meta.dirname, "discovery-only.mjs");
const inAgent = (argv: string[]) => ["ip", "netns", "exec", lab.agentNs, ...argv];

type Row = Omit<RunResult, "stdout" | "stderr"> & { target: string; hostsUp?: number; phaseMs?: number };
const rows: Row[] = [];

function hostsUp(name: string, stdout: string): { hostsUp?: number; phaseMs?: number } {
  if (name.startsWith("sweetspot")) {
    const j = JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as { up?: number; phaseMs?: number };
    return { hostsUp: j.up, phaseMs: j.phaseMs };
  }
  if (name.startsWith("nmap")) return { hostsUp: Number(/\((\d+) hosts? up\)/.exec(stdout)?.[1]) };
  return { hostsUp: Number(/(\d+) responded/.exec(stdout)?.[1]) };
}

async function compare(target: string, rounds: number, timeoutMs: number) {
  const results = await runAlternating(
    [
      { name: "sweetspot discovery", timeoutMs, argv: () => inAgent(["node", discoveryOnly, target]) },
      { name: "nmap -sn", timeoutMs, argv: () => inAgent(["nmap", "-sn", target]) },
      ...(dead
        ? []
        : [{ name: "arp-scan", timeoutMs, argv: () => inAgent(["arp-scan", "-I", lab.iface, target]) }]),
    ],
    rounds,
    (r) => {
      const { stdout: _o, stderr: _e, ...rest } = r;
      const row: Row = { ...rest, target, ...(r.code === 0 ? hostsUp(r.name, r.stdout) : {}) };
      rows.push(row);
      console.log(
        `${target} round ${r.round} ${r.name}: ${fmtS(r.wallMs)} up ${row.hostsUp ?? "?"}${row.phaseMs ? ` (phase ${fmtS(row.phaseMs)})` : ""} exit ${r.code}${r.timedOut ? " TIMEOUT" : ""} load ${r.load1.toFixed(1)}`,
      );
      writeFileSync(resultsPath, JSON.stringify({ machine, dns: lab.dns, rows }, null, 2));
    },
  );
  for (const s of summarize(results))
    console.log(
      `${target} ${s.name}: median ${fmtS(s.medianMs)} (min ${fmtS(s.minMs)}, max ${fmtS(s.maxMs)}, ${s.runs} runs, ${s.failures} failed, load ${s.meanLoad1.toFixed(1)})`,
    );
  if (!dead) {
    const r = pairedRatios(results, "sweetspot discovery", "arp-scan");
    console.log(
      `${target} sweetspot / arp-scan (process): median ${r.median.toFixed(2)} [${r.perRound.map((x) => x.toFixed(2)).join(", ")}]`,
    );
  }
  const n = pairedRatios(results, "sweetspot discovery", "nmap -sn");
  console.log(
    `${target} sweetspot / nmap -sn (process): median ${n.median.toFixed(2)} [${n.perRound.map((x) => x.toFixed(2)).join(", ")}]`,
  );
}

try {
  console.log(
    `scale lab ${lab.runId}: ${lab.liveIps.length} hosts on ${lab.busyCidr}, empty ${lab.emptyCidr}, DNS ${lab.dns.kind}`,
  );
  if (dead) {
    await compare(lab.busyCidr, 1, 400_000);
  } else {
    await compare(lab.busyCidr, Number(values.rounds), 120_000);
    await compare(lab.emptyCidr, Number(values["empty-rounds"]), 300_000);
  }
  console.log(`results: ${resultsPath}`);
} finally {
  lab.down();
}
