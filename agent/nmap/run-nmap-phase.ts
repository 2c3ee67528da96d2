import { describeError } from "../../lib/errors.js";
import type { GatherContext } from "../gatherer.js";
import type { Host } from "../../schema/audit.js";
import { type NmapExecResult, type NmapProgress, runNmap, stderrWarnings } from "./exec.js";
import { parseNmapXml } from "./parse-xml.js";

export type RunNmap = typeof runNmap;

export interface NmapPhaseRun {
  ctx: GatherContext;
  /** Gatherer id: names the probe record, the warnings and the nmap run's origin. */
  source: string;
  args: string[];
  targets: string[];
  timeoutMs: number;
  nmapPath?: string;
  run?: RunNmap;
  onProgress?: (progress: NmapProgress) => void;
}

/**
 * Runs one nmap process and records it: the probe (command line), the nmap run, nmap's warnings,
 * and the hosts it reported. A process cut short (Ctrl-C, timeout, crash) is recorded as
 * "interrupted", which makes the Audit partial; the hosts it finished are kept.
 */
export async function runNmapPhase(phase: NmapPhaseRun): Promise<{ hosts: Host[]; result?: NmapExecResult }> {
  const { ctx, source } = phase;
  const run = phase.run ?? runNmap;
  const command = ["nmap", ...phase.args].join(" ");
  const finish = ctx.probe({ id: source, tool: "nmap", command, targets: phase.targets });
  const result = await run({
    args: phase.args,
    nmapPath: phase.nmapPath,
    signal: ctx.signal,
    timeoutMs: phase.timeoutMs,
    onProgress: phase.onProgress,
  });
  for (const line of stderrWarnings(result.stderr)) ctx.warn(source, `nmap: ${line}`);

  let hosts: Host[] = [];
  if (result.xml.trim()) {
    try {
      const parsed = parseNmapXml(result.xml, source);
      ctx.draft.nmap.push(parsed.run);
      for (const warning of parsed.warnings)
        ctx.warn(warning.source || source, warning.message, warning.host);
      hosts = parsed.hosts;
    } catch (error) {
      ctx.warn(source, `nmap output unreadable: ${describeError(error)}`);
    }
  }

  if (result.stoppedBy === "abort") finish("interrupted", "stopped by the user");
  else if (result.stoppedBy === "timeout") {
    const message = `nmap stopped after ${Math.round(phase.timeoutMs / 1000)} s (hard time limit); hosts it had finished are kept`;
    ctx.warn(source, message);
    finish("interrupted", message);
  } else if (result.exitCode !== 0) {
    const message = `nmap exited with code ${result.exitCode}; hosts it had finished are kept`;
    ctx.warn(source, message);
    finish("interrupted", message);
  } else finish("ok");
  return { hosts, result };
}
