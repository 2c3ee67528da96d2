/**
 * Which nmap options make ARP discovery of an empty /20 slow, and which fix it without raising
 * the packet rate: one run of each variant on the scale lab's empty /20 and busy /24 (hosts found
 * must not drop). npx tsx bench/discovery-flags.ts
 */
import { bringUpScaleLab } from "./lab/scale-lab.js";
import { fmtS, timedRun } from "./lib/alternate.js";

const SWEETSPOT = [
  "-sn",
  "-PE",
  "-PP",
  "-PS22,80,135,139,443,445,3389,8080,9100",
  "-PA80,443",
  "--max-rate",
  "300",
];
const variants: Record<string, string[]> = {
  "sweetspot's discovery args": SWEETSPOT,
  "+ --min-hostgroup 4096": [...SWEETSPOT, "--min-hostgroup", "4096"],
  "+ --max-retries 1": [...SWEETSPOT, "--max-retries", "1"],
  "+ --min-hostgroup 4096 --max-retries 1": [...SWEETSPOT, "--min-hostgroup", "4096", "--max-retries", "1"],
  // same 300 packets/s ceiling; nmap just stops idling below it while it waits for ARP timeouts
  "+ --min-rate 300": [...SWEETSPOT, "--min-rate", "300"],
  "+ --min-rate 300 --max-retries 1": [...SWEETSPOT, "--min-rate", "300", "--max-retries", "1"],
};
const only = process.argv[2]; // optional: run only variants whose name contains this text
const lab = bringUpScaleLab(220);
try {
  for (const target of [lab.busyCidr, lab.emptyCidr])
    for (const [name, args] of Object.entries(variants).filter(([n]) => !only || n.includes(only))) {
      const r = await timedRun(["ip", "netns", "exec", lab.agentNs, "nmap", ...args, target], 240_000);
      const up = /\((\d+) hosts? up\)/.exec(r.stdout)?.[1] ?? "?";
      console.log(`${target} ${name}: ${fmtS(r.wallMs)}, ${up} up${r.timedOut ? " (TIMEOUT)" : ""}`);
    }
} finally {
  lab.down();
}
