import { readFile } from "node:fs/promises";
import type { ExecResult, GroundTruth } from "./lab-types.js";
import { run } from "./engine/run.js";

export interface AttachedLab {
  runId: string;
  agentNs: string;
  truth: GroundTruth;
  /** Run a command inside the agent namespace (argument array, no shell). */
  execInAgent(
    argv: string[],
    opts?: { timeoutMs?: number; env?: Record<string, string> },
  ): Promise<ExecResult>;
}

/** In a lab test: `attachLab(inject("labs").office!)` gives the ground truth and a way to run commands in the agent namespace. */
export async function attachLab(
  p: { agentNs: string; truthPath: string; runId: string } | undefined,
): Promise<AttachedLab> {
  if (!p) {
    throw new Error("this scenario is not up: add it to SWEETSPOT_LAB_SCENARIOS (default office,shop)");
  }
  const truth = JSON.parse(await readFile(p.truthPath, "utf8")) as GroundTruth;
  return {
    runId: p.runId,
    agentNs: p.agentNs,
    truth,
    execInAgent: (argv, o = {}) =>
      run(["ip", "netns", "exec", p.agentNs, ...argv], {
        timeoutMs: o.timeoutMs,
        env: { ...process.env, ...o.env },
      }),
  };
}
