import type { Answers } from "../../../schema/answers.js";
import type { Conflict, Device, Environment, Evidence, Question } from "../../../schema/assessment.js";
import type { Audit } from "../../../schema/audit.js";
import { taggedMatches } from "./product-hits.js";
import { QUESTIONS } from "./questions.js";
import { scanCoversOffice } from "./scan-coverage.js";
import { deviceByIp } from "../device-index.js";

type Power = Environment["power"];

/**
 * UPS: yes when a UPS answers (UPS-MIB, NUT, a UPS vendor's card) or the client says so. A UPS
 * on USB is invisible to a network scan, so "no" needs both a complete scan that saw none and
 * the client saying no; otherwise unknown and a question.
 */
export function buildPower(
  audit: Audit,
  devices: Device[],
  answers: Answers,
): { power: Power; questions: Question[]; conflicts: Conflict[] } {
  const evidence: Evidence[] = [];
  const found = new Map<string, Power["devices"][number]>();
  for (const { host, match } of taggedMatches(audit, "ups")) {
    evidence.push(match.evidence);
    if (found.has(host.ip)) continue;
    const device = deviceByIp(devices, host.ip);
    const ups = host.snmp?.ups;
    const entry: Power["devices"][number] = { ip: host.ip };
    if (device?.name) entry.name = device.name;
    const model = ups?.model ?? device?.model;
    if (model) entry.model = model;
    if (ups?.batteryStatus) entry.batteryStatus = ups.batteryStatus;
    if (ups?.chargePercent !== undefined) entry.chargePercent = ups.chargePercent;
    if (ups?.runtimeMinutes !== undefined) entry.runtimeMinutes = ups.runtimeMinutes;
    found.set(host.ip, entry);
  }
  for (const device of devices) {
    if (device.role === "ups" && !found.has(device.ip)) {
      found.set(device.ip, device.name ? { ip: device.ip, name: device.name } : { ip: device.ip });
      evidence.push({
        host: device.ip,
        fact: `devices[ip=${device.ip}].role`,
        observed: "ups",
        source: "derived",
      });
    }
  }

  const questions: Question[] = [];
  const conflicts: Conflict[] = [];
  const said = answers.hasUps === "yes" || answers.hasUps === "no" ? answers.hasUps : undefined;
  if (said) evidence.push({ fact: "answers.hasUps", observed: said, source: "answers" });
  let ups: Power["ups"] = "unknown";
  if (found.size > 0) {
    ups = "yes";
    if (said === "no") {
      conflicts.push({
        topic: "power",
        scan: `A UPS answered on the network at ${[...found.keys()].join(", ")}.`,
        answer: "The client says there is no UPS.",
        answersField: "hasUps",
      });
    }
  } else if (said === "yes") {
    ups = "yes";
  } else if (said === "no" && scanCoversOffice(audit)) {
    ups = "no";
  } else if (!said) {
    questions.push(QUESTIONS.ups);
  }
  return { power: { ups, devices: [...found.values()], evidence }, questions, conflicts };
}
