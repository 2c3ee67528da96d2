import type { Answers } from "../../../schema/answers.js";
import type { Conflict, Device, Environment, Evidence, Question } from "../../../schema/assessment.js";
import type { Audit } from "../../../schema/audit.js";
import { taggedMatches } from "./product-hits.js";
import { QUESTIONS } from "./questions.js";
import { scanCoversOffice } from "./scan-coverage.js";
import { deviceByIp } from "../device-index.js";

type Backup = Environment["backup"];

/**
 * Onsite: yes when a backup server or product answers; "no" only when a complete scan of the
 * office subnet saw no backup product and no NAS (a NAS may well hold backups); else unknown.
 * Offsite and the last restore test are invisible to a scan: answers only.
 */
export function buildBackup(
  audit: Audit,
  devices: Device[],
  answers: Answers,
): { backup: Backup; questions: Question[]; conflicts: Conflict[] } {
  const evidence: Evidence[] = [];
  const systems = new Map<string, Backup["systems"][number]>();
  for (const { host, match } of taggedMatches(audit, "backup-product")) {
    const name = deviceByIp(devices, host.ip)?.name;
    const product = match.signature.product ?? match.signature.vendor ?? "backup software";
    const key = `${host.ip}|${product}`;
    if (!systems.has(key)) systems.set(key, name ? { ip: host.ip, name, product } : { ip: host.ip, product });
    evidence.push(match.evidence);
  }
  for (const device of devices) {
    if (device.role === "backup-server" && ![...systems.values()].some((system) => system.ip === device.ip)) {
      systems.set(
        device.ip,
        device.name
          ? { ip: device.ip, name: device.name, product: "backup server" }
          : { ip: device.ip, product: "backup server" },
      );
      evidence.push({
        host: device.ip,
        fact: `devices[ip=${device.ip}].role`,
        observed: "backup-server",
        source: "derived",
      });
    }
  }
  const nas = devices.filter((device) => device.role === "nas" || device.roles.includes("nas"));
  let onsite: Backup["onsite"] = "unknown";
  if (systems.size > 0) onsite = "yes";
  else if (scanCoversOffice(audit) && nas.length === 0) {
    onsite = "no";
    evidence.push({
      fact: "hosts",
      observed: `complete scan of ${audit.scope.targets.join(", ")}: no backup product, no NAS`,
      source: "derived",
    });
  } else if (nas.length > 0) {
    for (const device of nas) {
      evidence.push({
        host: device.ip,
        fact: `devices[ip=${device.ip}].role`,
        observed: "nas",
        source: "derived",
        note: "A NAS may hold backups: onsite backup unknown, not absent.",
      });
    }
  }

  const questions: Question[] = [];
  const conflicts: Conflict[] = [];
  if (onsite === "unknown") questions.push(QUESTIONS.backupOnsite);

  let offsite: Backup["offsite"] = "unknown";
  const offsiteAnswer = answers.offsiteBackup;
  if (offsiteAnswer?.exists === "yes" || (offsiteAnswer?.provider && offsiteAnswer.exists !== "no")) {
    offsite = "yes";
    evidence.push({
      fact: "answers.offsiteBackup",
      observed: offsiteAnswer.provider ?? "yes",
      source: "answers",
    });
  } else if (offsiteAnswer?.exists === "no") {
    offsite = "no";
    evidence.push({ fact: "answers.offsiteBackup.exists", observed: "no", source: "answers" });
  } else {
    questions.push(QUESTIONS.offsiteBackup);
  }
  if (offsite === "yes" && onsite === "no") {
    conflicts.push({
      topic: "backup",
      scan: "A complete scan saw no backup server, backup product or NAS on the network.",
      answer: `The client says backups are copied offsite${offsiteAnswer?.provider ? ` (${offsiteAnswer.provider})` : ""}.`,
      answersField: "offsiteBackup",
    });
  }

  const backup: Backup = { onsite, offsite, systems: [...systems.values()], evidence };
  if (answers.lastRestoreTest) {
    backup.lastRestoreTest = answers.lastRestoreTest;
    evidence.push({ fact: "answers.lastRestoreTest", observed: answers.lastRestoreTest, source: "answers" });
  } else {
    questions.push(QUESTIONS.restoreTest);
  }
  return { backup, questions, conflicts };
}
