/**
 * vitest global setup of the `lab` project: removes what crashed earlier runs left, brings up the
 * scenarios in SWEETSPOT_LAB_SCENARIOS (default "office,shop"), provides them to the tests as
 * inject("labs"), and tears them down afterwards, on signals and on exit. Without root or network
 * namespaces it fails loudly: these tests never skip and never fall back to a real network.
 */
import type { TestProject } from "vitest/node";
import { type LabHandle, type ProvidedLabs, SCENARIO_NAMES, type ScenarioName, bringUp } from "./index.js";
import { checkLabPrerequisites } from "./engine/bring-up.js";
import { cleanStaleRuns, tearDownRunSync } from "./engine/teardown.js";

function scenariosFromEnv(): ScenarioName[] {
  const raw = process.env.SWEETSPOT_LAB_SCENARIOS ?? "office,shop";
  const names = raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const n of names) {
    if (!(SCENARIO_NAMES as string[]).includes(n)) {
      throw new Error(
        `SWEETSPOT_LAB_SCENARIOS: unknown scenario "${n}" (choose from ${SCENARIO_NAMES.join(", ")})`,
      );
    }
  }
  return names as ScenarioName[];
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const scenarios = scenariosFromEnv();
  await checkLabPrerequisites();
  const stale = await cleanStaleRuns();
  if (stale.length > 0)
    console.log(
      `lab: removed ${stale.length} stale run(s) left by crashed test processes: ${stale.join(", ")}`,
    );

  const labs: LabHandle[] = [];
  const onExit = () => {
    for (const lab of labs) tearDownRunSync(lab.runId);
  };
  const onSignal = (sig: NodeJS.Signals) => {
    onExit();
    labs.length = 0;
    process.kill(process.pid, sig);
  };
  process.once("exit", onExit);
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  process.once("SIGHUP", onSignal);

  const provided: ProvidedLabs = {};
  try {
    // One at a time: two cores are shared, and each scenario's bring-up is CPU-bound for a few seconds.
    for (const name of scenarios) {
      const t0 = Date.now();
      const lab = await bringUp(name);
      labs.push(lab);
      provided[name] = { agentNs: lab.agentNs, truthPath: lab.truthPath, runId: lab.runId };
      console.log(
        `lab: ${name} up in ${((Date.now() - t0) / 1000).toFixed(1)} s (run ${lab.runId}, agent ${lab.agentNs})`,
      );
    }
  } catch (e) {
    onExit();
    throw e;
  }
  project.provide("labs", provided);

  return async () => {
    for (const lab of labs.splice(0)) {
      const t0 = Date.now();
      await lab.down();
      console.log(`lab: ${lab.scenario} down in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    process.off("exit", onExit);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    process.off("SIGHUP", onSignal);
  };
}
