import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AssessmentSchema } from "../../../../schema/assessment.js";
import { AuditSchema } from "../../../../schema/audit.js";
import { analyze } from "../../../../report/analyze/analyze.js";
import { assessGoldenCase, goldenCases, goldenText } from "../../../golden/golden-cases.js";

const cases = goldenCases();
const byName = new Map(cases.map((c) => [c.name, c]));

describe("golden Assessments (npm run update:golden rewrites them)", () => {
  it("has the hand-made office and shop", () => {
    expect(byName.has("rules-office")).toBe(true);
    expect(byName.has("rules-shop")).toBe(true);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s matches its golden file", (_name, golden) => {
    const actual = goldenText(assessGoldenCase(golden));
    const expected = readFileSync(golden.goldenPath, "utf8");
    expect(actual, `${golden.goldenPath} drifted: run npm run update:golden and review the diff`).toBe(
      expected,
    );
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s is a valid Assessment", (_name, golden) => {
    const result = AssessmentSchema.safeParse(assessGoldenCase(golden));
    expect(result.success, result.success ? "" : JSON.stringify(result.error.issues.slice(0, 3))).toBe(true);
  });
});

/** Recorded lab audits, when the lab has produced them: the scenario name says the expected verdict. */
const LAB_VERDICTS: [RegExp, string][] = [
  [/^lab-office/, "sweet-spot"],
  [/^lab-shop/, "too-small"],
];
const labCases = cases.flatMap((c) => {
  const expected = LAB_VERDICTS.find(([pattern]) => pattern.test(c.name))?.[1];
  return expected ? [[c.name, expected, c] as const] : [];
});

describe.runIf(labCases.length > 0)("verdicts on the lab's recorded audits", () => {
  it.each(labCases)("%s → %s", (_name, expected, golden) => {
    expect(assessGoldenCase(golden).verdict).toBe(expected);
  });
});

describe("verdicts on the hand-made audits", () => {
  it("office → sweet-spot, with the accepted exception out of the score", () => {
    const assessment = assessGoldenCase(byName.get("rules-office")!);
    expect(assessment.verdict).toBe("sweet-spot");
    expect(assessment.client).toEqual({ name: "Smile Dental", site: "Main Street" });
    const database = assessment.findings.find((finding) => finding.id === "database-exposed")!;
    expect(database).toMatchObject({ status: "accepted", hosts: ["10.20.0.11"] });
    const riskEvidence = assessment.scoreDetails.risk.flatMap((part) => part.evidence.map((e) => e.fact));
    expect(riskEvidence).not.toContain("findings[id=database-exposed]");
    expect(assessment.findings.find((finding) => finding.id === "restore-never-tested")?.status).toBe("open");
  });

  it("shop → too-small, and the DESIGN.md findings fire with host evidence", () => {
    const assessment = assessGoldenCase(byName.get("rules-shop")!);
    expect(assessment.verdict).toBe("too-small");
    const ids = assessment.findings.map((finding) => finding.id);
    for (const id of ["consumer-firewall", "no-backup-detected", "no-ups-detected", "eol-os", "peer-to-peer"])
      expect(ids).toContain(id);
    const firewall = assessment.findings.find((finding) => finding.id === "consumer-firewall")!;
    expect(firewall.hosts).toEqual(["192.168.1.1"]);
  });

  it("office findings carry the DESIGN.md ids smb1-enabled and telnet-open with fact paths", () => {
    const assessment = assessGoldenCase(byName.get("rules-office")!);
    const smb1 = assessment.findings.find((finding) => finding.id === "smb1-enabled")!;
    expect(smb1.evidence[0]).toMatchObject({
      host: "10.20.0.11",
      fact: "hosts[ip=10.20.0.11].scripts.smb-protocols",
    });
    const telnet = assessment.findings.find((finding) => finding.id === "telnet-open")!;
    expect(telnet.evidence[0]?.fact).toBe("hosts[ip=10.20.0.2].services[23/tcp]");
  });

  it("analysis is deterministic and dated by the audit, not the clock", () => {
    const audit = AuditSchema.parse(JSON.parse(readFileSync(byName.get("rules-shop")!.auditPath, "utf8")));
    const first = analyze(audit, { tool: { name: "sweetspot", version: "x" } });
    const second = analyze(audit, { tool: { name: "sweetspot", version: "x" } });
    expect(first).toEqual(second);
    expect(first.generatedAt).toBe(new Date(audit.startedAt).toISOString());
  });
});
