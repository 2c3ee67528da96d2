import type { DoctorCheck } from "./check.js";
import { chromiumCheck } from "./chromium-check.js";
import { fontsCheck } from "./fonts-check.js";
import { nmapCheck } from "./nmap-check.js";
import { nodeVersionCheck } from "./node-version-check.js";
import { snmpgetCheck } from "./optional-tools-check.js";
import { pingCheck } from "./ping-check.js";
import { rawSocketCheck } from "./raw-socket-check.js";

/** What doctor checks, in the order it prints them. */
export const DOCTOR_CHECKS: DoctorCheck[] = [
  nodeVersionCheck,
  nmapCheck,
  rawSocketCheck,
  chromiumCheck,
  fontsCheck,
  pingCheck,
  snmpgetCheck,
];
