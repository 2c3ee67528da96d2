/**
 * Runs the collectors of agent/gatherers inside a lab namespace, on top of a quick nmap pass that
 * finds what they need (live hosts; 389, 3493/tcp; 137, 161/udp with nbstat) instead of the full
 * service scan, and prints the resulting Audit as JSON on stdout.
 *
 *   ip netns exec <agentNs> npx tsx test/integration/helpers/run-gatherers.ts \
 *     --targets 10.77.10.0/24 --ping-target 203.0.113.1 [--community public] [--exclude IP] [--only snmp,nut]
 *
 * It refuses to run in the machine's root network namespace: its packets belong in the lab only.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { Command } from "commander";
import { defineGatherer, type Gatherer, type ScanOptions } from "../../../agent/gatherer.js";
import { collectorGatherers } from "../../../agent/gatherers/index.js";
import { createDiscoveryGatherer } from "../../../agent/nmap/discovery-gatherer.js";
import { parseNmapXml } from "../../../agent/nmap/parse-xml.js";
import { runScan } from "../../../agent/run-scan.js";
import { buildScope } from "../../../agent/scope/resolve-scope.js";
import { runCommand } from "../../../agent/gatherers/shared/run-command.js";

function insideLabNamespace(): boolean {
  try {
    return execFileSync("ip", ["netns", "identify", String(process.pid)], { encoding: "utf8" })
      .trim()
      .startsWith("ss");
  } catch {
    return false;
  }
}

const seedServices = defineGatherer({
  id: "test-seed-services",
  version: 1,
  phase: "services",
  async run(ctx) {
    const ips = ctx
      .hosts()
      .map((h) => h.ip)
      .filter((ip) => ctx.isAllowed(ip));
    if (ips.length === 0) return;
    const args = [
      "-n",
      "-Pn",
      "-sS",
      "-sU",
      "-p",
      "T:389,3493,U:137,161",
      "--script",
      "nbstat",
      "--max-rate",
      "300",
      "-oX",
      "-",
      ...ips,
    ];
    const done = ctx.probe({
      id: "test-seed-services",
      tool: "nmap",
      command: `nmap ${args.join(" ")}`,
      targets: ips,
    });
    const result = await runCommand("nmap", args, 120_000, ctx.signal);
    const parsed = parseNmapXml(result.stdout, "test-seed-services");
    for (const host of parsed.hosts) ctx.addHostFacts(host.ip, host, "test-seed-services");
    done(result.code === 0 ? "ok" : "error");
  },
});

const program = new Command("run-gatherers")
  .requiredOption("--targets <cidr...>", "scope")
  .option("--exclude <ip...>", "exclusions", [])
  .option("--ping-target <ip...>", "WAN ping targets", [])
  .option("--community <name...>", "SNMP communities", ["public"])
  .option("--only <ids>", "comma-separated collector ids (default: all)")
  .option("--unprivileged", "as an unprivileged scan would")
  .parse();

const flags = program.opts<{
  targets: string[];
  exclude: string[];
  pingTarget: string[];
  community: string[];
  only?: string;
  unprivileged?: boolean;
}>();

if (!insideLabNamespace()) {
  process.stderr.write(
    "run-gatherers: not inside a lab network namespace (ip netns exec ss…-agent): refusing to send anything\n",
  );
  process.exit(2);
}

const privileged = !flags.unprivileged && process.getuid?.() === 0;
const options: ScanOptions = {
  targets: flags.targets,
  exclude: flags.exclude,
  snmpCommunities: flags.community,
  pingTargets: flags.pingTarget,
  maxPacketsPerSecond: 300,
  perHostTimeoutSeconds: 60,
  parallelHosts: 16,
  privileged,
  client: { name: "collectors-lab" },
};
const only = flags.only?.split(",");
const collectors: Gatherer[] = collectorGatherers.filter(
  (g) => !only || only.includes(g.id) || g.id === "local-host",
);
const resolv = readFileSync("/etc/resolv.conf", "utf8");
const dnsServers = [...resolv.matchAll(/^nameserver\s+(\S+)/gm)].map((m) => m[1] as string);
const audit = await runScan(options, {
  gatherers: [
    createDiscoveryGatherer({ settings: { dnsServers } }),
    ...(privileged ? [seedServices] : []),
    ...collectors,
  ],
  scope: buildScope({ targets: flags.targets, exclude: flags.exclude, allowPublic: false, force: false }),
});
process.stdout.write(`${JSON.stringify(audit)}\n`);
