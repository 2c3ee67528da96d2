import type { Answers } from "../../../schema/answers.js";
import type { Conflict, Device, Environment, Evidence, Question } from "../../../schema/assessment.js";
import type { Audit } from "../../../schema/audit.js";
import { type SignatureMatch, matchSignatures } from "../classify/match-signatures.js";
import { QUESTIONS } from "./questions.js";

type Firewall = Environment["firewall"];

/**
 * The office's firewall: present when a gateway (or a firewall/router device) is seen; graded
 * business / consumer from the gateway's vendor, SNMP and banner signatures; else unknown.
 */
export function buildFirewall(
  audit: Audit,
  devices: Device[],
  answers: Answers,
): { firewall: Firewall; questions: Question[]; conflicts: Conflict[] } {
  const evidence: Evidence[] = [];
  const firewall: Firewall = { present: false, grade: "unknown", evidence };
  // The edge device: the agent's default gateway, else (an imported scan) a firewall or router seen.
  const agentGateway = audit.agent?.gateway;
  const edge =
    agentGateway ??
    (
      devices.find((device) => device.role === "firewall") ??
      devices.find((device) => device.role === "router")
    )?.ip;
  const edgeHost = edge ? audit.hosts.find((host) => host.ip === edge) : undefined;
  const edgeDevice = edge ? devices.find((device) => device.ip === edge) : undefined;

  if (edge) {
    firewall.present = true;
    firewall.ip = edge;
    evidence.push(
      agentGateway
        ? {
            host: edge,
            fact: "agent.gateway",
            observed: edge,
            source: "agent",
            note: "The office's default gateway.",
          }
        : {
            host: edge,
            fact: `devices[ip=${edge}].role`,
            observed: edgeDevice?.role ?? "router",
            source: "derived",
            note: "No agent gateway (imported scan): the firewall/router seen is taken as the edge.",
          },
    );
  }
  let graded = edgeHost ? strongestGraded(matchSignatures(edgeHost, audit).matches) : undefined;
  let gradedDevice = edgeDevice;
  if (!graded) {
    // A business firewall elsewhere on the LAN (the edge itself unidentified or absent).
    for (const device of devices) {
      if (device.role !== "firewall") continue;
      const host = audit.hosts.find((candidate) => candidate.ip === device.ip);
      const match = host ? strongestGraded(matchSignatures(host, audit).matches) : undefined;
      if (match?.signature.grade === "business") {
        graded = match;
        gradedDevice = device;
        break;
      }
    }
  }
  if (graded && gradedDevice) {
    firewall.present = true;
    firewall.grade = graded.signature.grade ?? "unknown";
    firewall.ip = gradedDevice.ip;
    const vendor = graded.signature.vendor ?? gradedDevice.vendor;
    if (vendor) firewall.vendor = vendor;
    const model = gradedDevice.model ?? graded.signature.product;
    if (model) firewall.model = model;
    evidence.push(graded.evidence);
  } else if (edgeDevice?.vendor) {
    firewall.vendor = edgeDevice.vendor;
  }

  const questions: Question[] = [];
  const conflicts: Conflict[] = [];
  const said = answers.hasFirewall;
  if (said === "yes" || said === "no") {
    evidence.push({ fact: "answers.hasFirewall", observed: said, source: "answers" });
    if (said === "yes" && firewall.grade === "consumer") {
      conflicts.push({
        topic: "firewall",
        scan: `The gateway ${firewall.ip} is a consumer/ISP router${firewall.vendor ? ` (${firewall.vendor})` : ""}.`,
        answer: "The client says they have a firewall.",
        answersField: "hasFirewall",
      });
    }
    if (said === "no" && firewall.grade === "business") {
      conflicts.push({
        topic: "firewall",
        scan: `A business firewall answered at ${firewall.ip}${firewall.vendor ? ` (${firewall.vendor})` : ""}.`,
        answer: "The client says they have no firewall.",
        answersField: "hasFirewall",
      });
    }
  } else if (firewall.grade === "unknown") {
    questions.push(QUESTIONS.firewall);
  }
  return { firewall, questions, conflicts };
}

// --- internal ---

function strongestGraded(matches: SignatureMatch[]): SignatureMatch | undefined {
  return matches
    .filter((match) => match.signature.grade)
    .sort((a, b) => b.signature.weight - a.signature.weight)[0];
}
