/** nmap options that take the next argument as their value (so it is not a target). */
const OPTIONS_WITH_VALUE = new Set([
  "-p",
  "-oX",
  "-oN",
  "-oG",
  "-oA",
  "-oS",
  "-oM",
  "-iL",
  "-iR",
  "-e",
  "-S",
  "-D",
  "-g",
  "-b",
  "-sI",
  "--script",
  "--script-args",
  "--script-args-file",
  "--script-timeout",
  "--exclude",
  "--excludefile",
  "--exclude-ports",
  "--max-rate",
  "--min-rate",
  "--host-timeout",
  "--max-retries",
  "--top-ports",
  "--port-ratio",
  "--version-intensity",
  "--datadir",
  "--servicedb",
  "--versiondb",
  "--source-port",
  "--ttl",
  "--data",
  "--data-string",
  "--data-length",
  "--ip-options",
  "--dns-servers",
  "--stylesheet",
  "--scan-delay",
  "--max-scan-delay",
  "--min-hostgroup",
  "--max-hostgroup",
  "--min-parallelism",
  "--max-parallelism",
  "--min-rtt-timeout",
  "--max-rtt-timeout",
  "--initial-rtt-timeout",
  "--mtu",
  "--spoof-mac",
  "--proxies",
  "--proxy",
  "--resume",
  "--stats-every",
  "--max-os-tries",
  "--nsock-engine",
  "--scanflags",
]);

export interface CommandTargets {
  targets: string[];
  excluded: string[];
  /** The targets came from a file (-iL) or random hosts (-iR): the command line does not tell. */
  unknown: boolean;
}

/**
 * The targets and exclusions written on an nmap command line, as nmap's `args` attribute records
 * it (space-joined, so quoted arguments with spaces cannot be told apart: good enough for targets).
 */
export function targetsFromNmapArgs(args: string | undefined): CommandTargets {
  const out: CommandTargets = { targets: [], excluded: [], unknown: false };
  if (!args) return { ...out, unknown: true };
  const tokens = args.trim().split(/\s+/);
  for (let i = /(^|[/\\])nmap(\.exe)?$/i.test(tokens[0] ?? "") ? 1 : 0; i < tokens.length; i++) {
    const token = tokens[i] ?? "";
    if (token === "-iL" || token === "-iR" || token.startsWith("--resume")) out.unknown = true;
    if (token === "--exclude") {
      out.excluded.push(...(tokens[i + 1] ?? "").split(",").filter(Boolean));
      i++;
      continue;
    }
    if (token.startsWith("--exclude=")) {
      out.excluded.push(...token.slice("--exclude=".length).split(",").filter(Boolean));
      continue;
    }
    if (token.startsWith("-")) {
      if (OPTIONS_WITH_VALUE.has(token)) i++;
      continue;
    }
    if (looksLikeTarget(token)) out.targets.push(token);
  }
  if (out.targets.length === 0) out.unknown = true;
  return out;
}

function looksLikeTarget(token: string): boolean {
  return (
    /^(?=.*\.)[\d.,*-]+(\/\d{1,2})?$/.test(token) || // 10.0.0.1, 10.0.0.0/24, 10.0.0.1-50, 10.0.*.1
    /^[0-9a-f:]*:[0-9a-f:.]*(%\w+)?(\/\d{1,3})?$/i.test(token) || // IPv6
    /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(\/\d{1,2})?$/i.test(token) // host name
  );
}
