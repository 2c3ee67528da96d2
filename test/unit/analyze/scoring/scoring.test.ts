import { describe, expect, it } from "vitest";
import type { Finding } from "../../../../schema/assessment.js";
import { DEFAULT_PRICING } from "../../../../schema/pricing.js";
import { scoreFit, sizePoints } from "../../../../report/analyze/scoring/fit.js";
import { findingPoints, scoreRisk } from "../../../../report/analyze/scoring/risk.js";
import { CATEGORY_CAP, FIT_MAX, SEVERITY_FLOOR } from "../../../../report/analyze/scoring/weights.js";
import { healthyEnvironment } from "../support/rule-context.js";

function finding(
  id: string,
  severity: Finding["severity"],
  category: string,
  hosts = 1,
  status: Finding["status"] = "open",
): Finding {
  return {
    id,
    severity,
    category,
    title: id,
    status,
    hosts: Array.from({ length: hosts }, (_, i) => `10.0.0.${100 + i}`),
    evidence: [],
    impact: "",
    recommendation: "",
    references: [],
  };
}

const sumParts = (parts: { points: number }[]) =>
  Math.round(parts.reduce((sum, part) => sum + part.points, 0));

describe("risk score", () => {
  it("is 0 with no open findings", () => {
    expect(scoreRisk([]).score).toBe(0);
    expect(scoreRisk([finding("telnet-open", "high", "security", 1, "accepted")]).score).toBe(0);
  });

  it("one critical finding alone keeps the risk at its floor (worst issue counts)", () => {
    const result = scoreRisk([finding("no-backup-detected", "critical", "backup", 0)]);
    expect(result.score).toBe(SEVERITY_FLOOR.critical);
    expect(result.parts.map((part) => part.factor)).toContain("risk: worst finding floor");
  });

  it("15 workstations without SMB signing cannot drown the score (host factor and category cap)", () => {
    const many = scoreRisk([finding("smb-signing-not-required", "medium", "network", 15)]);
    const one = scoreRisk([finding("smb-signing-not-required", "medium", "network", 1)]);
    expect(findingPoints({ severity: "medium", hosts: Array(15).fill("x") })).toBe(
      2 * findingPoints({ severity: "medium", hosts: ["x"] }),
    );
    expect(many.score).toBeLessThan(30);
    expect(many.score).toBeGreaterThanOrEqual(one.score);
  });

  it("a category never gives more than its cap, and only the worst category counts in full", () => {
    const findings = [
      ...["a", "b", "c", "d"].map((id) => finding(`sec-${id}`, "high", "security", 3)),
      finding("flat-network", "low", "network", 0),
    ];
    const result = scoreRisk(findings);
    const security = result.parts.find((part) => part.factor === "risk: security")!;
    const network = result.parts.find((part) => part.factor === "risk: network")!;
    expect(security.points).toBe(CATEGORY_CAP);
    expect(network.points).toBeCloseTo(0.9);
    expect(result.score).toBe(sumParts(result.parts));
  });

  it("never exceeds 100, and the parts still add up to the score", () => {
    const findings = ["security", "backup", "perimeter", "patching", "power", "identity"].flatMap(
      (category) => [1, 2, 3].map((i) => finding(`${category}-${i}`, "critical", category, 5)),
    );
    const result = scoreRisk(findings);
    expect(result.score).toBe(100);
    expect(sumParts(result.parts)).toBe(100);
  });
});

describe("fit score", () => {
  it("a 15-seat domain office with servers fits well", () => {
    const result = scoreFit(healthyEnvironment(), { currentSupport: "break-fix" }, DEFAULT_PRICING);
    expect(result.score).toBeGreaterThanOrEqual(70);
    expect(result.score).toBe(Math.min(100, sumParts(result.parts)));
    for (const part of result.parts) expect(part.points).toBeLessThanOrEqual(part.max === 0 ? 0 : part.max);
  });

  it("a 3-PC workgroup without a server scores low, with the peer-to-peer penalty shown", () => {
    const environment = {
      ...healthyEnvironment(),
      directory: { kind: "workgroup" as const, name: "WORKGROUP", controllers: [], evidence: [] },
      counts: { workstations: 3, servers: 0, printers: 1, networkDevices: 1, total: 5, byRole: {} },
      downtime: { costPerHour: 90, currency: "USD", basis: [] },
    };
    const result = scoreFit(environment, {}, DEFAULT_PRICING);
    expect(result.score).toBeLessThan(30);
    expect(result.parts.find((part) => part.factor === "fit: peer-to-peer penalty")?.points).toBeLessThan(0);
  });

  it("size points peak in the sweet spot and fall for large estates", () => {
    expect(sizePoints(2)).toBe(0);
    expect(sizePoints(20)).toBe(FIT_MAX.size);
    expect(sizePoints(150)).toBeLessThan(FIT_MAX.size / 2);
  });

  it("employees answered count when there are more of them than PCs seen", () => {
    const result = scoreFit(
      { ...healthyEnvironment(), counts: { ...healthyEnvironment().counts, workstations: 4 } },
      { employees: 20 },
      DEFAULT_PRICING,
    );
    expect(result.parts[0]).toMatchObject({ factor: "fit: size", points: FIT_MAX.size });
  });
});
