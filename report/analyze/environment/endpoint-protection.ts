import type { Answers } from "../../../schema/answers.js";
import type { Conflict, Environment, Evidence, Question } from "../../../schema/assessment.js";
import type { Audit } from "../../../schema/audit.js";
import { cleanText } from "../classify/text-cleanup.js";
import { taggedMatches } from "./product-hits.js";
import { QUESTIONS } from "./questions.js";

type EndpointProtection = Environment["endpointProtection"];

/** An answer naming no product ("none", "no", "nothing"). */
const NO_PRODUCT = /^(none|no|nothing|n\/a)$/i;

/**
 * Endpoint protection: yes from a managed antivirus console answering on the network, the
 * agent host's own antivirus when it is one of the client's domain-joined machines, or the
 * answers; "no" only from the answers; else unknown and a question (PCs that expose nothing
 * say nothing about their antivirus).
 */
export function buildEndpointProtection(
  audit: Audit,
  answers: Answers,
): { endpointProtection: EndpointProtection; questions: Question[]; conflicts: Conflict[] } {
  const evidence: Evidence[] = [];
  const products = new Set<string>();
  for (const { match } of taggedMatches(audit, "endpoint-console")) {
    if (match.signature.product) products.add(match.signature.product);
    evidence.push(match.evidence);
  }
  const agentAv = (audit.agent?.antivirus ?? [])
    .map((name) => cleanText(name))
    .filter((name): name is string => !!name);
  if (agentAv.length > 0) {
    const clientMachine = audit.agent?.domainJoined?.joined === true;
    if (clientMachine) for (const name of agentAv) products.add(name);
    evidence.push({
      fact: "agent.antivirus",
      observed: agentAv.join(", "),
      source: "agent",
      note: clientMachine
        ? "The agent ran on one of the client's domain-joined machines."
        : "The agent host is not one of the client's machines: its antivirus says nothing about theirs.",
    });
  }

  const questions: Question[] = [];
  const conflicts: Conflict[] = [];
  const answered = cleanText(answers.antivirus?.product);
  let status: EndpointProtection["status"] = products.size > 0 ? "yes" : "unknown";
  if (answered && NO_PRODUCT.test(answered)) {
    evidence.push({ fact: "answers.antivirus.product", observed: answered, source: "answers" });
    if (products.size > 0) {
      conflicts.push({
        topic: "endpoint-protection",
        scan: `Endpoint protection seen: ${[...products].join(", ")}.`,
        answer: "The client says there is no antivirus.",
        answersField: "antivirus",
      });
    } else {
      status = "no";
    }
  } else if (answered) {
    products.add(answered);
    status = "yes";
    evidence.push({
      fact: "answers.antivirus",
      observed: `${answered}${answers.antivirus?.managed === undefined ? "" : answers.antivirus.managed ? " (managed)" : " (not managed)"}`,
      source: "answers",
    });
  } else if (status === "unknown") {
    questions.push(QUESTIONS.antivirus);
  }
  return { endpointProtection: { status, products: [...products], evidence }, questions, conflicts };
}
