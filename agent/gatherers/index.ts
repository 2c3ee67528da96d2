import type { Gatherer } from "../gatherer.js";
import { announcementsGatherer } from "./announcements/index.js";
import { directoryGatherer } from "./directory/index.js";
import { localHostGatherer } from "./local-host/index.js";
import { nutGatherer } from "./nut/index.js";
import { snmpGatherer } from "./snmp/index.js";
import { wanHealthGatherer } from "./wan-health/index.js";

export { DEFAULT_PING_TARGETS } from "./wan-health/index.js";

/** The collectors besides nmap, in no particular order: run-scan groups them by phase. */
export const collectorGatherers: Gatherer[] = [
  localHostGatherer,
  directoryGatherer,
  snmpGatherer,
  nutGatherer,
  announcementsGatherer,
  wanHealthGatherer,
];
