/**
 * Scan benchmark in the lab's `office` scenario, from the agent namespace:
 *   sweetspot scan  vs  the floor (the nmap commands sweetspot ran, taken from its own Audit, run
 *   by hand one after another)  vs  nmap -A -T4 <subnet>; alternated A B C A B C …
 *
 *   npx tsx bench/scan-office.ts [--rounds 5] [--agent-ns NS --truth truth.json]
 *
 * Without --agent-ns it brings its own office lab up and down. Needs root and a built CLI
 * (npx tsc -p tsconfig.build.json). Results: bench/results/scan-office-<time>.json
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { GroundTruth, LabHandle } from "../test/lab/index.js";
import { type RunResult, fmtS, pairedRatios, runAlternating, summarize } from "./lib/alternate.js";
import { machineInfo } from "./lib/machine.js";
import { auditFromXml, checkRoles, readAudit, type RoleCheck } from "./lib/roles.js";

const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "5" },
    "agent-ns": { type: "string" },
    truth: { type: "string" },
  },
});
const rounds = Number(values.rounds);
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const work = `/tmp/ssbench-scan-${stamp}`;
const resultsPath = join(import.meta.dirname, "results", `scan-office-${stamp}.json`);
mkdirSync(work, { recursive: true });
mkdirSync(join(import.meta.dirname, "results"), { recursive: true });

let lab: LabHandle | undefined;
let agentNs: string;
let truth: GroundTruth;
if (values["agent-ns"] && values.truth) {
  agentNs = values["agent-ns"];
  truth = JSON.parse(readFileSync(values.truth, "utf8")) as GroundTruth;
} else {
  const { bringUp } = await import("../test/lab/index.js");
  lab = await bringUp("office");
  agentNs = lab.agentNs;
  truth = lab.truth;
}
const stop = async () => {
  await lab?.down();
  process.exit(130);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

const inAgent = (argv: string[]) => ["ip", "netns", "exec", agentNs, ...argv];
const bin = join(import.meta.dirname, "..", "bin", "sweetspot.js");
const auditPath = (round: number) => join(work, `sweetspot-r${round}.audit.json`);
const floorXml = (round: number, i: number) => join(work, `floor-r${round}-${i}.xml`);
const nmapAXml = (round: number) => join(work, `nmap-A-r${round}.xml`);

/** The floor: sweetspot's own nmap command lines from its latest Audit, `-oX -` pointed at a file. */
let floorCommands: string[][] = [];
function floorFromAudit(path: string): string[][] {
  const audit = readAudit(path);
  return audit.nmap.map((run) => (run.args ?? "").split(" "));
}

const roleChecks: Record<string, RoleCheck> = {};
const perPhase: {
  round: number;
  discoveryS: number;
  batchesS: number[];
  sweetspotS: number;
  /** Every probe of the round's Audit: seconds from the scan's start to its start and end. */
  timeline: { id: string; fromS: number; toS: number | null; targets: number }[];
}[] = [];
const all: RunResult[] = [];
const save = () =>
  writeFileSync(
    resultsPath,
    JSON.stringify(
      {
        machine,
        truthCidr: truth.cidr,
        rounds,
        floorCommands: floorCommands.map((c) => c.join(" ")),
        results: all.map(({ stdout: _o, stderr: _e, ...r }) => r),
        summary: summarize(all),
        roleChecks,
        perPhase,
      },
      null,
      2,
    ),
  );
const machine = machineInfo();

try {
  const results = await runAlternating(
    [
      {
        name: "sweetspot scan",
        timeoutMs: 900_000,
        argv: (r) =>
          inAgent([
            "node",
            bin,
            "scan",
            "--yes",
            "--quiet",
            "--client",
            "Lab",
            "--out",
            auditPath(r),
            "--ping-target",
            truth.internetTarget,
          ]),
        after: (r, res) => {
          if (res.code !== 0) return;
          floorCommands = floorFromAudit(auditPath(r));
          const audit = readAudit(auditPath(r));
          const elapsed = audit.nmap.map((n) => n.runstats?.elapsedSeconds ?? Number.NaN);
          perPhase.push({
            round: r,
            discoveryS: elapsed[0] ?? Number.NaN,
            batchesS: elapsed.slice(1),
            sweetspotS: res.wallMs / 1000,
            timeline: audit.engagement.probes.map((p) => {
              const since = (at: string) => (Date.parse(at) - Date.parse(audit.startedAt)) / 1000;
              return {
                id: p.id,
                fromS: since(p.startedAt),
                toS: p.finishedAt ? since(p.finishedAt) : null,
                targets: p.targets.length,
              };
            }),
          });
          roleChecks["sweetspot scan"] = checkRoles(audit, truth);
        },
      },
      {
        name: "floor (sweetspot's nmap commands, in sequence)",
        timeoutMs: 1_800_000,
        // one shell per round so the whole sequence is timed as one command
        argv: (r) => {
          const lines = floorCommands.map((argv, i) =>
            argv
              .map((a, j) => (a === "-" && argv[j - 1] === "-oX" ? floorXml(r, i) : a))
              .map((a) => `'${a.replace(/'/g, "'\\''")}'`)
              .join(" "),
          );
          return inAgent(["sh", "-ec", `${lines.join(" >/dev/null\n")} >/dev/null`]);
        },
        after: async (r, res) => {
          if (res.code !== 0) return;
          const audit = await auditFromXml(
            floorCommands.map((_, i) => floorXml(r, i)),
            "Lab",
          );
          roleChecks.floor = checkRoles(audit, truth);
        },
      },
      {
        name: "nmap -A -T4",
        timeoutMs: 1_800_000,
        argv: (r) => inAgent(["nmap", "-A", "-T4", "-oX", nmapAXml(r), truth.cidr]),
        after: async (r, res) => {
          if (res.code !== 0) return;
          roleChecks["nmap -A -T4"] = checkRoles(await auditFromXml([nmapAXml(r)], "Lab"), truth);
        },
      },
    ],
    rounds,
    (res) => {
      all.push(res);
      console.log(
        `round ${res.round} ${res.name}: ${fmtS(res.wallMs)} exit ${res.code}${res.timedOut ? " TIMEOUT" : ""} load ${res.load1.toFixed(1)}`,
      );
      if (res.code !== 0) console.log(res.stderr.slice(-2000));
      save();
    },
  );
  save();
  for (const s of summarize(results))
    console.log(
      `${s.name}: median ${fmtS(s.medianMs)} (min ${fmtS(s.minMs)}, max ${fmtS(s.maxMs)}, ${s.runs} runs, ${s.failures} failed, load ${s.meanLoad1.toFixed(1)})`,
    );
  const vsA = pairedRatios(results, "sweetspot scan", "nmap -A -T4");
  const vsFloor = pairedRatios(results, "sweetspot scan", "floor (sweetspot's nmap commands, in sequence)");
  console.log(
    `sweetspot / nmap -A -T4: median ${vsA.median.toFixed(2)} (${vsA.perRound.map((x) => x.toFixed(2)).join(", ")})`,
  );
  console.log(
    `sweetspot / floor: median ${vsFloor.median.toFixed(2)} (${vsFloor.perRound.map((x) => x.toFixed(2)).join(", ")})`,
  );
  console.log(JSON.stringify(roleChecks, null, 1));
  console.log(`results: ${resultsPath}`);
} finally {
  await lab?.down();
}
