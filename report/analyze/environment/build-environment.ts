import type { Answers } from "../../../schema/answers.js";
import type { Conflict, Device, Environment, Question } from "../../../schema/assessment.js";
import type { Audit } from "../../../schema/audit.js";
import { buildBackup } from "./backup.js";
import { buildBusiness } from "./business.js";
import { buildCounts } from "./counts.js";
import { buildDirectory } from "./directory.js";
import { buildDowntime } from "./downtime.js";
import { buildEndpointProtection } from "./endpoint-protection.js";
import { buildFirewall } from "./firewall.js";
import { buildNetwork } from "./network.js";
import { buildOsCurrency } from "./os-currency.js";
import { buildPower } from "./power.js";
import { QUESTIONS } from "./questions.js";
import { buildRiskyServices } from "./risky-services.js";
import { buildServers } from "./servers.js";

/**
 * The office as facts: directory, counts, servers, firewall, backup, power, endpoint protection,
 * OS currency, risky services, network, downtime cost and business answers. Whatever neither the
 * scan nor the answers tell is "unknown" plus a Question; a scan fact and an answer that
 * disagree become a Conflict showing both.
 */
export function buildEnvironment(input: {
  audit: Audit;
  devices: Device[];
  answers?: Answers;
  asOf: Date;
  currency?: string;
}): { environment: Environment; questions: Question[]; conflicts: Conflict[] } {
  const { audit, devices, asOf } = input;
  const answers = input.answers ?? {};
  const currency = input.currency ?? "USD";

  const directory = buildDirectory(audit, devices);
  const counts = buildCounts(devices);
  const firewall = buildFirewall(audit, devices, answers);
  const backup = buildBackup(audit, devices, answers);
  const power = buildPower(audit, devices, answers);
  const endpoint = buildEndpointProtection(audit, answers);
  const downtime = buildDowntime(answers, counts.workstations, currency);
  const business = buildBusiness(answers);

  const environment: Environment = {
    directory,
    counts,
    servers: buildServers(devices),
    firewall: firewall.firewall,
    backup: backup.backup,
    power: power.power,
    endpointProtection: endpoint.endpointProtection,
    osCurrency: buildOsCurrency(devices, asOf),
    riskyServices: buildRiskyServices(audit, devices),
    network: buildNetwork(audit, devices),
    downtime: downtime.downtime,
    ...business.business,
  };
  const questions = dedupeQuestions([
    ...(directory.kind === "unknown" ? [QUESTIONS.directory] : []),
    ...firewall.questions,
    ...backup.questions,
    ...power.questions,
    ...endpoint.questions,
    ...business.questions,
    ...downtime.questions,
  ]);
  const conflicts = [...firewall.conflicts, ...backup.conflicts, ...power.conflicts, ...endpoint.conflicts];
  return { environment, questions, conflicts };
}

// --- internal ---

function dedupeQuestions(questions: Question[]): Question[] {
  const seen = new Set<string>();
  return questions.filter((question) => {
    if (seen.has(question.id)) return false;
    seen.add(question.id);
    return true;
  });
}
