import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { FailError, UsageError } from "../lib/errors.js";
import { TOOL_NAME, toolVersion } from "../lib/package-root.js";
import { type Audit, AuditSchema, type AuditWarning, type ProbeRecord } from "../schema/audit.js";
import { summarizeProblems, problemsFromZod } from "../schema/issues.js";
import { mergeHostLists } from "./merge-hosts.js";
import { NotNmapXmlError } from "./nmap/not-nmap-xml-error.js";
import { type NmapParseResult, parseNmapXml } from "./nmap/parse-xml.js";
import { targetsFromNmapArgs } from "./nmap/xml-command-targets.js";
import { directoryFromHosts } from "./nmap/xml-directory.js";

export interface ImportOptions {
  client: { name: string; site?: string };
  /** For tests: fixed clock and id. */
  now?: () => Date;
  auditId?: string;
  toolVersion?: string;
}

export interface ParsedScan {
  /** The file name as the user gave it. */
  origin: string;
  result: NmapParseResult;
}

/** Scan types that need raw sockets (root / CAP_NET_RAW); "connect" does not. */
const RAW_SCAN_TYPES = new Set([
  "syn",
  "ack",
  "window",
  "maimon",
  "fin",
  "null",
  "xmas",
  "udp",
  "sctpinit",
  "sctpcookieecho",
  "ipproto",
]);

/** Reads and parses each file; a missing file is a usage error, a file that is not nmap XML a failure. */
export async function readNmapScans(paths: string[]): Promise<ParsedScan[]> {
  const scans: ParsedScan[] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT")
        throw new UsageError(`${path}: no such file`, "check the path of the nmap XML scan");
      if (code === "EISDIR") throw new UsageError(`${path}: is a folder, not an nmap XML file`);
      throw new FailError(`${path}: cannot read it (${code ?? "error"})`);
    }
    try {
      scans.push({ origin: path, result: parseNmapXml(text, path) });
    } catch (error) {
      const reason = error instanceof NotNmapXmlError ? error.reason : (error as Error).message;
      throw new FailError(`${path}: not an nmap XML scan (${reason})`, `produce one with nmap -oX ${path}`);
    }
  }
  return scans;
}

/** One Audit (schemaVersion 1) from one or more parsed nmap scans; validated before it is returned. */
export function buildAuditFromScans(scans: ParsedScan[], options: ImportOptions): Audit {
  const now = options.now ?? (() => new Date());
  const hosts = mergeHostLists(scans.map((scan) => scan.result.hosts));
  const warnings: AuditWarning[] = scans.flatMap((scan) => scan.result.warnings);

  const targets: string[] = [];
  const excluded: string[] = [];
  let targetsUnknown = false;
  for (const scan of scans) {
    const found = targetsFromNmapArgs(scan.result.run.args);
    targets.push(...found.targets);
    excluded.push(...found.excluded);
    if (found.unknown) targetsUnknown = true;
  }
  if (targetsUnknown) {
    targets.push(...hosts.map((host) => host.ip));
    warnings.push({
      source: "import",
      message:
        "the scanned targets are not all on the nmap command line; the scope lists the hosts found instead",
    });
  }

  const probes: ProbeRecord[] = scans.map((scan) => {
    const run = scan.result.run;
    const found = targetsFromNmapArgs(run.args);
    const startedAt =
      run.startedAt ?? earliest(scan.result.hosts.map((h) => h.startedAt)) ?? now().toISOString();
    const finishedAt = run.finishedAt ?? latest(scan.result.hosts.map((h) => h.finishedAt));
    const failed = run.runstats?.exit !== undefined && run.runstats.exit !== "success";
    return {
      id: "nmap-import",
      tool: "nmap",
      ...(run.args ? { command: run.args } : {}),
      targets: found.targets,
      startedAt,
      ...(finishedAt ? { finishedAt } : {}),
      status: run.truncated ? "interrupted" : failed ? "error" : "ok",
      message: `imported from ${scan.origin}`,
    };
  });

  const scanTypes = scans.flatMap((scan) => scan.result.run.scanInfo.map((info) => info.type));
  const osDetection = scans.some((scan) => /(^|\s)(-O|-A)(\s|$)/.test(scan.result.run.args ?? ""));
  const privileged = scanTypes.some((type) => RAW_SCAN_TYPES.has(type)) || osDetection;

  const startedAt = earliest(probes.map((p) => p.startedAt)) ?? now().toISOString();
  const finishedAt = latest(probes.map((p) => p.finishedAt));
  const draft = {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: options.toolVersion ?? toolVersion() },
    auditId: options.auditId ?? randomUUID(),
    startedAt,
    ...(finishedAt ? { finishedAt } : {}),
    status: scans.some((scan) => scan.result.run.truncated) ? "partial" : "complete",
    client: options.client,
    scope: { targets: unique(targets), excluded: unique(excluded), autoDetected: false },
    engagement: { rate: {}, ...(scanTypes.length || osDetection ? { privileged } : {}), probes },
    hosts,
    directory: directoryFromHosts(hosts),
    network: { dns: [], wan: [] },
    nmap: scans.map((scan) => scan.result.run),
    warnings,
  };
  const parsed = AuditSchema.safeParse(draft);
  if (!parsed.success) {
    throw new FailError(
      `the Audit built from ${scans.map((s) => s.origin).join(", ")} is invalid: ${summarizeProblems(problemsFromZod(parsed.error))}`,
      "this is a bug in sweetspot import; please report it with the XML file",
    );
  }
  return parsed.data;
}

// --- internal ---

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

function earliest(times: (string | undefined)[]): string | undefined {
  return times.filter((t): t is string => Boolean(t)).sort((a, b) => Date.parse(a) - Date.parse(b))[0];
}

function latest(times: (string | undefined)[]): string | undefined {
  return times.filter((t): t is string => Boolean(t)).sort((a, b) => Date.parse(b) - Date.parse(a))[0];
}
