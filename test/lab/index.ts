/**
 * The test LAN lab: emulated small-business networks of real daemons (Samba AD DC, Samba file
 * servers, snmpd, NUT, nginx, dnsmasq, telnetd, small listeners) in Linux network namespaces
 * that have no link to the machine's real interfaces and no route out.
 *
 *   const lab = await bringUp("office");
 *   await lab.execInAgent(["nmap", "-sn", lab.truth.cidr]);
 *   await lab.down();
 */
import type { LabHandle, ScenarioName } from "./lab-types.js";
import { type BringUpOptions, bringUpScenario } from "./engine/bring-up.js";
import { tearDownAll as tearDownAllRuns } from "./engine/teardown.js";

export type { ExecResult, GroundTruth, GroundTruthHost, LabHandle, ProvidedLabs, ScenarioName } from "./lab-types.js";
export { LAB_UNAVAILABLE } from "./engine/bring-up.js";

export const SCENARIO_NAMES: ScenarioName[] = ["office", "shop", "growing", "office-next-quarter", "hostile"];

export function bringUp(scenario: ScenarioName, opts?: { runId?: string } & BringUpOptions): Promise<LabHandle> {
  return bringUpScenario(scenario, opts);
}

/** Removes every namespace and daemon this project's lab ever created (crash clean-up). */
export function tearDownAll(prefix?: string): Promise<void> {
  return tearDownAllRuns(prefix);
}
