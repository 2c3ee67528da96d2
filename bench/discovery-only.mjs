#!/usr/bin/env node
// sweetspot's discovery phase alone (the nmap discovery gatherer inside runScan, with the same
// defaults as `sweetspot scan`: 300 packets/s), for the discovery benchmark. Run it inside a lab
// namespace only:  ip netns exec <agent-ns> node bench/discovery-only.mjs 10.201.0.0/24
// Prints one JSON line: hosts up, phase time (from the Audit's probe record), process time.
// Uses the built CLI's code (npx tsc -p tsconfig.build.json) so no TypeScript transform is timed.
import { runScan } from "../dist/agent/run-scan.js";
import { createDiscoveryGatherer } from "../dist/agent/nmap/discovery-gatherer.js";

const targets = process.argv.slice(2);
if (targets.length === 0) {
  console.error("usage: node bench/discovery-only.mjs CIDR…   (inside a lab namespace)");
  process.exit(2);
}
const audit = await runScan(
  {
    targets,
    exclude: [],
    snmpCommunities: ["public"],
    pingTargets: [],
    maxPacketsPerSecond: Number(process.env.SSB_RATE ?? 300),
    perHostTimeoutSeconds: 300,
    parallelHosts: 8,
    privileged: process.getuid?.() === 0,
    client: { name: "bench" },
  },
  { gatherers: [createDiscoveryGatherer()] },
);
const probe = audit.engagement.probes.find((p) => p.id === "nmap-discovery");
const phaseMs = probe?.finishedAt ? Date.parse(probe.finishedAt) - Date.parse(probe.startedAt) : null;
console.log(
  JSON.stringify({
    up: audit.hosts.filter((h) => h.status.state === "up").length,
    phaseMs,
    nmapElapsedS: audit.nmap[0]?.runstats?.elapsedSeconds ?? null,
    processMs: Math.round(performance.now()),
    command: probe?.command,
  }),
);
