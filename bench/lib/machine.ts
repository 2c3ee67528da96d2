import { execFileSync } from "node:child_process";
import { cpus, loadavg, release, totalmem } from "node:os";

function version(argv: string[], pick: RegExp): string {
  try {
    const [cmd, ...args] = argv;
    const out = execFileSync(cmd as string, args, {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 10_000,
    });
    return pick.exec(out)?.[1] ?? out.trim().split("\n")[0] ?? "?";
  } catch {
    return "not found";
  }
}

/** What BENCHMARKS.md needs about the machine a run happened on. */
export function machineInfo(): Record<string, string> {
  return {
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? "?"}`,
    memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
    kernel: release(),
    node: process.version,
    nmap: version(["nmap", "--version"], /Nmap version (\S+)/),
    chromium: version(["/usr/bin/chromium", "--version"], /Chromium (\S+)/),
    arpScan: version(["arp-scan", "--version"], /arp-scan (\S+)/),
    loadAtStart: loadavg()
      .map((l) => l.toFixed(2))
      .join(" "),
    date: new Date().toISOString(),
  };
}
