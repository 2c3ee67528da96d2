import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../../../lib/package-root.js";
import { type Assessment, AssessmentSchema } from "../../../schema/assessment.js";

export function handMadeAssessment(): Assessment {
  const path = join(packageRoot(), "test", "fixtures", "assessments", "hand-made-office.assessment.json");
  return AssessmentSchema.parse(JSON.parse(readFileSync(path, "utf8")));
}

/** Bytes that are not valid UTF-8, decoded the way Node decodes a network banner. */
const INVALID_UTF8 = Buffer.from([0x41, 0xff, 0xfe, 0xc3, 0x28, 0x42]).toString("utf8");

export const HOSTILE = {
  script: "<script>document.title='pwned'</script>",
  img: '<img src=x onerror="alert(1)">',
  probe: '<img src="http://127.0.0.1:9/leak.png">',
  mustache: "{{constructor.constructor('alert(1)')()}}",
  triple: "{{{raw}}}",
  long: "A".repeat(10_240),
  invalidUtf8: `bad${INVALID_UTF8}name\u0007\u001b[31m\ud800`,
  bidi: "evil\u202etxt.exe",
};

const ALL = Object.values(HOSTILE).join(" ");

/** The hand-made office with attacker-controlled strings everywhere the network can put them. */
export function hostileAssessment(): Assessment {
  const a = handMadeAssessment();
  a.client.name = `Hostile ${HOSTILE.script} Client`;
  a.client.site = HOSTILE.img;
  a.environment.directory.name = `${HOSTILE.probe}.local`;
  a.environment.firewall.vendor = HOSTILE.mustache;
  a.environment.firewall.model = HOSTILE.long;
  a.environment.network.wifi.networks.push({ ssid: HOSTILE.probe, security: HOSTILE.script });
  a.environment.backup.systems.push({ ip: "192.168.10.99", name: HOSTILE.triple, product: HOSTILE.long });
  a.environment.riskyServices.push({
    ip: "192.168.10.99",
    name: HOSTILE.invalidUtf8,
    port: 23,
    protocol: "tcp",
    service: HOSTILE.img,
  });
  a.environment.servers.push({
    ip: "192.168.10.99",
    name: HOSTILE.script,
    role: "server",
    os: HOSTILE.long,
    serves: [HOSTILE.probe],
  });
  a.devices.forEach((device, i) => {
    if (i % 3 === 0) device.name = `${HOSTILE.script}${i}`;
    if (i % 3 === 1) device.vendor = HOSTILE.img;
    if (i % 3 === 2) device.os = HOSTILE.long;
    device.services = [...device.services, HOSTILE.probe, HOSTILE.invalidUtf8];
    device.model = HOSTILE.mustache;
  });
  a.findings.push({
    id: "hostile-banner",
    severity: "high",
    category: "security",
    title: `Banner ${HOSTILE.script}`,
    status: "open",
    hosts: ["192.168.10.99"],
    evidence: [{ host: HOSTILE.img, fact: "hosts[0].services[0].banner", observed: ALL, source: "scan" }],
    impact: HOSTILE.long,
    recommendation: HOSTILE.triple,
    references: [HOSTILE.probe],
  });
  a.audit.warnings.push(ALL);
  a.audit.agentHost = HOSTILE.bidi;
  a.questions.push({ id: "hostile", topic: "backup", question: HOSTILE.img, why: HOSTILE.mustache });
  return AssessmentSchema.parse(a);
}

/** The contents page's sections of a report without history, in order. */
export const SECTION_HEADINGS = [
  "Executive summary",
  "Environment at a glance",
  "Servers",
  "Firewall and perimeter",
  "Backup and disaster recovery",
  "Power protection",
  "Security",
  "Network and WAN health",
  "Findings and recommendations",
  "Proposal",
  "Appendix A — Device inventory",
  "Appendix B — Method, scope and limits",
];
