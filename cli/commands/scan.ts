import type { Command } from "commander";
import { InvalidArgumentError } from "commander";
import { SCAN_DEFAULTS, type ScanFlags, scanToFile } from "../../agent/scan-to-file.js";
import { Progress } from "../../lib/progress.js";
import type { Audit } from "../../schema/audit.js";

const collect = (value: string, previous: string[] = []) => [
  ...previous,
  ...value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean),
];
const positiveNumber = (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError("expected a positive number");
  return n;
};

export function registerScan(program: Command): void {
  program
    .command("scan")
    .description(
      "scan the office LAN into an Audit file (no targets: this host's own private subnets, after confirmation)",
    )
    .argument("[targets...]", "IPv4 addresses, CIDR blocks (192.168.1.0/24) or ranges (192.168.1.10-50)")
    .option("-o, --out <file>", "Audit file to write (default: <client>-<date>.audit.json)")
    .requiredOption("--client <name>", "the prospect's name, recorded in the Audit")
    .option("--site <name>", "the site or office visited")
    .option("-y, --yes", "scan an auto-detected scope without asking")
    .option(
      "--exclude <targets>",
      "addresses or CIDR blocks that must get no packet (repeatable, comma-separated)",
      collect,
    )
    .option(
      "--snmp-community <name>",
      "SNMP community to try (repeatable; default: public); never written to the Audit",
      collect,
    )
    .option("--ping-target <host>", "extra host for WAN latency/loss checks (repeatable)", collect)
    .option(
      "--rate <pps>",
      `overall packets per second (nmap --max-rate; default ${SCAN_DEFAULTS.rate})`,
      positiveNumber,
    )
    .option(
      "--host-timeout <seconds>",
      `give up on one host's service scan after this (default ${SCAN_DEFAULTS.hostTimeoutSeconds})`,
      positiveNumber,
    )
    .option(
      "--parallel <hosts>",
      `hosts per nmap service-scan batch (default ${SCAN_DEFAULTS.parallelHosts})`,
      positiveNumber,
    )
    .option(
      "--dns-servers <ips>",
      "DNS servers used for reverse lookups (default: this host's resolver)",
      collect,
    )
    .option("--allow-public", "allow public (non-RFC 1918) targets you are authorised to scan")
    .option("--force", "allow a scope larger than a /20 (4096 addresses)")
    .option("--authorized-by <name>", "who authorised this scan, recorded in the Audit")
    .option(
      "--unprivileged",
      "do not use raw sockets even as root (TCP connect scan, no OS detection, no UDP)",
    )
    .option("--store <dir>", "client store that keeps every audit (default: $SWEETSPOT_STORE or your data folder)")
    .option("--no-store", "do not keep this audit in the client store")
    .option("-q, --quiet", "print only warnings and the summary")
    .action(async (targets: string[], flags: ScanFlags) => {
      const progress = new Progress({ quiet: Boolean(flags.quiet) });
      const { audit, outPath } = await scanToFile(targets, flags, progress);
      progress.done(`scan ${audit.status}`);
      process.stdout.write(`${summarize(audit, outPath)}\n`);
    });
}

export function summarize(audit: Audit, outPath: string): string {
  const open = audit.hosts.flatMap((h) => h.services.filter((s) => s.state === "open"));
  const domains = audit.directory.domains.map((d) => d.dnsName);
  const workgroups = audit.directory.workgroups.map((w) => w.name);
  const directory = domains.length
    ? `domain ${domains.join(", ")}`
    : workgroups.length
      ? `workgroup ${workgroups.join(", ")}`
      : "no domain or workgroup seen";
  return [
    `${audit.hosts.length} host${audit.hosts.length === 1 ? "" : "s"}, ${open.length} open service${open.length === 1 ? "" : "s"}, ${directory}`,
    `${audit.warnings.length} warning${audit.warnings.length === 1 ? "" : "s"} (see "warnings" in the file)`,
    `Audit written to ${outPath}`,
  ].join("\n");
}
