import { officeLike } from "./office.js";
import type { ScenarioSpec } from "./types.js";

/**
 * The office three months later, for the quarterly-history test: one more workstation (ws13),
 * SMB1 turned off on the file server, and the UPS gone (no upsd, no UPS SNMP). Same subnet,
 * addresses and MACs as `office`, as a real office keeps them between two audits.
 */
export const officeNextQuarter: ScenarioSpec = officeLike({
  name: "office-next-quarter",
  workstations: 13,
  smb1: false,
  withUps: false,
});
