import { type Answers, AnswersSchema, INDUSTRIES, SUPPORT_KINDS } from "../../schema/answers.js";
import { type FixHints, parseYamlInput, readYamlInput } from "./yaml-input.js";

const ANSWERS_HINTS: FixHints = {
  employees: "write a whole number like 12",
  hourlyCostPerEmployee: "write the burdened cost of one staff hour as a number, like 45",
  revenuePerHour: "write a number like 250, or leave it empty",
  annualRevenue: "write a number like 1500000, without separators",
  workingHoursPerDay: "write a number of hours between 1 and 24, like 8",
  industry: `write one of: ${INDUSTRIES.join(", ")}`,
  "offsiteBackup.exists": "write yes, no or unknown",
  "offsiteBackup.provider": 'write the provider\'s name in quotes, like "Backblaze"',
  lastRestoreTest: "write a date like 2026-03-31, or never",
  "antivirus.product": "write the product's name in quotes",
  "antivirus.managed": "write true or false",
  currentSupport: `write one of: ${SUPPORT_KINDS.join(", ")}`,
  monthlyItBudget: "write a number like 800",
  hasUps: "write yes, no or unknown",
  hasFirewall: "write yes, no or unknown",
  remoteWorkers: "write a whole number like 3",
  painPoints: 'write a list, one item per line starting with "- "',
  notes: "write text in quotes",
  accepted: "write a list of entries with id, host (optional) and reason",
  "accepted[].id": "write a finding id like telnet-open",
  "accepted[].host": "write the host's IP address, like 10.0.0.5",
  "accepted[].reason": "write why the finding is accepted",
  "client.name": "write the client's name in quotes",
};

const ANSWERS_FIELDS = [
  ...Object.keys(AnswersSchema.shape),
  "name",
  "site",
  "provider",
  "exists",
  "product",
  "managed",
  "id",
  "host",
  "reason",
  "acceptedBy",
];

/** Reads and validates answers.yaml; a bad field is a one-line UsageError naming the fix. */
export function readAnswersFile(path: string): Promise<Answers> {
  return readYamlInput(path, AnswersSchema, "answers", ANSWERS_HINTS, ANSWERS_FIELDS);
}

export function parseAnswersText(text: string, name = "answers.yaml"): Answers {
  return parseYamlInput(text, name, AnswersSchema, "answers", ANSWERS_HINTS, ANSWERS_FIELDS);
}
