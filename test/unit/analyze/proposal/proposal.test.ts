import { describe, expect, it } from "vitest";
import type { Environment, Finding } from "../../../../schema/assessment.js";
import { DEFAULT_PRICING, PricingSchema } from "../../../../schema/pricing.js";
import { buildProposal } from "../../../../report/analyze/proposal/build-proposal.js";
import { fairMonthlyFee } from "../../../../report/analyze/proposal/monthly-fee.js";
import { RULES } from "../../../../report/analyze/rules/index.js";
import { decideVerdict, VERDICT_THRESHOLDS } from "../../../../report/analyze/verdict.js";
import { healthyEnvironment } from "../support/rule-context.js";

function openFinding(id: string, hosts: string[] = []): Finding {
  return {
    id,
    severity: "high",
    category: "x",
    title: id,
    status: "open",
    hosts,
    evidence: [],
    impact: "",
    recommendation: "",
    references: [],
  };
}

function proposalFor(
  environment: Environment,
  findings: Finding[] = [],
  pricing = DEFAULT_PRICING,
  answers = {},
) {
  return buildProposal({
    environment,
    devices: [],
    findings,
    questions: [],
    answers,
    pricing,
    customPricing: false,
    rules: RULES,
  });
}

const shopEnvironment = (): Environment => ({
  ...healthyEnvironment(),
  directory: { kind: "workgroup", name: "WORKGROUP", controllers: [], evidence: [] },
  counts: { workstations: 3, servers: 0, printers: 1, networkDevices: 1, total: 5, byRole: {} },
});

describe("monthly fee", () => {
  it("prices each seat, server and network device, plus on-site half-days by size", () => {
    const proposal = proposalFor(healthyEnvironment());
    // 15 seats × 60–85, 2 servers × 100–200, 4 devices × 10–25, 2 half-days × 250
    expect(proposal.monthly).toEqual({
      low: 900 + 200 + 40 + 500,
      high: 1275 + 400 + 100 + 500,
      currency: "USD",
    });
    expect(proposal.onsiteHalfDaysPerMonth).toBe(2);
    expect(proposal.lineItems.map((item) => item.quantity)).toEqual([15, 2, 4, 2]);
    expect(proposal.targetBand).toEqual({ low: 1000, high: 2000 });
  });

  it("a tiny office pays the minimum fee, and the assumption says so", () => {
    const proposal = proposalFor(shopEnvironment());
    expect(proposal.monthly.low).toBe(DEFAULT_PRICING.minimumMonthlyFee);
    expect(proposal.onsiteHalfDaysPerMonth).toBe(1);
    expect(proposal.assumptions.some((line) => line.includes("minimum monthly fee"))).toBe(true);
  });

  it("uses the consultant's pricing file", () => {
    const pricing = PricingSchema.parse({
      currency: "EUR",
      perWorkstation: { low: 90, high: 120 },
      minimumMonthlyFee: 0,
    });
    const proposal = proposalFor(healthyEnvironment(), [], pricing);
    expect(proposal.monthly.currency).toBe("EUR");
    expect(proposal.lineItems[0]).toMatchObject({ quantity: 15, unitLow: 90, unitHigh: 120 });
  });
});

describe("one-time projects", () => {
  it("turns findings into projects, per-host parts counting the hosts", () => {
    const proposal = proposalFor(healthyEnvironment(), [
      openFinding("consumer-firewall", ["10.0.0.1"]),
      openFinding("eol-os", ["10.0.0.101", "10.0.0.102"]),
      openFinding("eol-os-ending-soon", ["10.0.0.103"]),
    ]);
    const byId = new Map(proposal.projects.map((project) => [project.id, project]));
    expect(byId.get("firewall-replacement")).toMatchObject({
      low: 1500,
      high: 4000,
      findings: ["consumer-firewall"],
    });
    expect(byId.get("os-upgrades")).toMatchObject({
      low: 750,
      high: 2400,
      findings: ["eol-os", "eol-os-ending-soon"],
    });
  });

  it("accepted findings make no project", () => {
    const proposal = proposalFor(healthyEnvironment(), [
      { ...openFinding("consumer-firewall", ["10.0.0.1"]), status: "accepted" },
    ]);
    expect(proposal.projects).toEqual([]);
  });
});

describe("verdict", () => {
  const verdictFor = (environment: Environment, answers = {}) =>
    decideVerdict({
      environment,
      answers,
      proposal: proposalFor(environment, [], DEFAULT_PRICING, answers),
      pricing: DEFAULT_PRICING,
    });

  it("a 15-seat office with a domain and servers is a sweet spot", () => {
    const result = verdictFor(healthyEnvironment());
    expect(result.verdict).toBe("sweet-spot");
    expect(result.reasons[0]).toMatch(/falls within the target band/);
  });

  it("a 3-PC peer-to-peer shop is too small, and says why", () => {
    const result = verdictFor(shopEnvironment());
    expect(result.verdict).toBe("too-small");
    expect(result.reasons.join(" ")).toMatch(/well below the target band/);
    expect(result.reasons.join(" ")).toMatch(/peer-to-peer network of 3 PCs/);
  });

  it("a fee well below the band is too small whatever else the office has", () => {
    const environment = {
      ...healthyEnvironment(),
      counts: { ...healthyEnvironment().counts, workstations: 2, servers: 1, networkDevices: 1 },
    };
    const fee = fairMonthlyFee(proposalFor(environment));
    expect(fee).toBeLessThan(VERDICT_THRESHOLDS.tooSmallFeeShare * 1000);
    expect(verdictFor(environment).verdict).toBe("too-small");
  });

  it("large estates and in-house IT are beyond the sweet spot", () => {
    const big = { ...healthyEnvironment(), counts: { ...healthyEnvironment().counts, workstations: 120 } };
    expect(verdictFor(big).verdict).toBe("beyond");
    const inHouse = verdictFor(healthyEnvironment(), { currentSupport: "in-house" });
    expect(inHouse).toMatchObject({ verdict: "beyond" });
    expect(inHouse.reasons[0]).toMatch(/in-house IT/);
  });
});
