/**
 * Where a service-scan batch spends its time: reruns one of sweetspot's service-scan nmap
 * commands (taken from an Audit) with one option removed at a time, in the lab's agent namespace.
 *   npx tsx bench/scan-phases.ts AUDIT.json AGENT_NS [batch index, default: the slowest]
 */
import { readFileSync } from "node:fs";
import type { Audit } from "../schema/audit.js";
import { fmtS, timedRun } from "./lib/alternate.js";

const [auditPath, agentNs, which] = process.argv.slice(2);
if (!auditPath || !agentNs)
  throw new Error("usage: npx tsx bench/scan-phases.ts AUDIT.json AGENT_NS [index]");
const audit = JSON.parse(readFileSync(auditPath, "utf8")) as Audit;
const runs = audit.nmap.filter((n) => n.origin === "nmap-services");
const index =
  which !== undefined && which !== ""
    ? Number(which)
    : runs.reduce(
        (best, n, i, all) =>
          (n.runstats?.elapsedSeconds ?? 0) > (all[best]?.runstats?.elapsedSeconds ?? 0) ? i : best,
        0,
      );
const base = (runs[index]?.args ?? "")
  .split(" ")
  .slice(1)
  .map((a, i, all) => (a === "-" && all[i - 1] === "-oX" ? "/dev/null" : a));
const without = (names: string[], valued: string[] = []) =>
  base.filter((a, i) => !names.includes(a) && !valued.includes(a) && !valued.includes(base[i - 1] ?? ""));
const variants: Record<string, string[]> = {
  "as sweetspot runs it": base,
  "without -O --osscan-limit": without(["-O", "--osscan-limit"]),
  "without -sV": without(["-sV"], ["--version-intensity"]),
  "without NSE scripts": without([], ["--script", "--script-timeout"]),
  "ports only (no -sV, -O, scripts)": without(
    ["-sV", "-O", "--osscan-limit"],
    ["--version-intensity", "--script", "--script-timeout"],
  ),
};
console.log(
  `batch ${index}: ${runs[index]?.runstats?.elapsedSeconds} s in the scan; ${base.slice(-8).join(" ")}`,
);
variants["with --max-os-tries 1"] = [...base.slice(0, base.indexOf("-oX")), "--max-os-tries", "1", ...base.slice(base.indexOf("-oX"))];
const only = process.argv[5];
for (const [name, args] of Object.entries(variants).filter(([n]) => !only || n.includes(only))) {
  const r = await timedRun(["ip", "netns", "exec", agentNs, "nmap", ...args], 300_000);
  console.log(`${name}: ${fmtS(r.wallMs)} (exit ${r.code})`);
}

// Each host of the batch alone, all at once: which host is the long pole of the group?
if (process.argv[6] === "per-host") {
  const hosts = base.slice(base.indexOf("-oX") + 2);
  const head = base.slice(0, base.indexOf("-oX") + 2).map((a, i, all) => (a === "--min-hostgroup" ? a : all[i - 1] === "--min-hostgroup" ? "1" : a));
  const results = await Promise.all(
    hosts.map(async (host) => ({ host, r: await timedRun(["ip", "netns", "exec", agentNs, "nmap", ...head, host], 300_000) })),
  );
  for (const { host, r } of results) console.log(`${host} alone: ${fmtS(r.wallMs)} (exit ${r.code})`);
}
