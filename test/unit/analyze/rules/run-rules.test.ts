import { describe, expect, it } from "vitest";
import { defineRule } from "../../../../report/analyze/rules/define-rule.js";
import { RULES } from "../../../../report/analyze/rules/index.js";
import { DEFAULT_RULESET } from "../../../../report/analyze/rules/ruleset.js";
import { runRules } from "../../../../report/analyze/rules/run-rules.js";
import { scoreRisk } from "../../../../report/analyze/scoring/risk.js";
import { host, makeContext, tcp } from "../support/rule-context.js";

const telnet = RULES.find((rule) => rule.meta.id === "telnet-open")!;
const twoTelnetHosts = () =>
  makeContext({ hosts: [host("10.0.0.40", [tcp(23, "telnet")]), host("10.0.0.41", [tcp(23, "telnet")])] });

const broken = defineRule({
  meta: {
    id: "always-throws",
    title: "A rule with a bug",
    category: "operations",
    defaultSeverity: "low",
    impact: "none",
    recommendation: "none",
    references: ["https://example.org/"],
  },
  evaluate() {
    throw new TypeError("cannot read properties of undefined (reading 'x')\n    at stack");
  },
});

describe("runRules", () => {
  it("a rule that throws becomes an error finding and check; the others still run", () => {
    const run = runRules([broken, telnet], twoTelnetHosts(), {});
    expect(run.checks.map((check) => [check.id, check.status])).toEqual([
      ["always-throws", "error"],
      ["telnet-open", "fail"],
    ]);
    const error = run.findings.find((finding) => finding.id === "always-throws")!;
    expect(error.status).toBe("error");
    expect(error.errorMessage).toBe("the rule failed: cannot read properties of undefined (reading 'x')");
    expect(
      scoreRisk(run.findings).parts.some((part) =>
        part.evidence.some((e) => e.fact.includes("always-throws")),
      ),
    ).toBe(false);
  });

  it("emits a check for every rule, passing ones included", () => {
    const run = runRules(RULES, makeContext(), DEFAULT_RULESET);
    expect(run.checks).toHaveLength(RULES.length);
  });

  it("the ruleset changes severity and can switch a rule off", () => {
    const lowered = runRules([telnet], twoTelnetHosts(), {
      "telnet-open": { enabled: true, severity: "low" },
    });
    expect(lowered.findings[0]?.severity).toBe("low");
    const off = runRules([telnet], twoTelnetHosts(), { "telnet-open": { enabled: false } });
    expect(off.findings).toEqual([]);
    expect(off.checks).toEqual([]);
  });

  it("gives each finding a stable fingerprint from id and hosts", () => {
    const a = runRules([telnet], twoTelnetHosts(), {}).findings[0]!;
    const b = runRules(
      [telnet],
      makeContext({
        hosts: [host("10.0.0.41", [tcp(23, "telnet")]), host("10.0.0.40", [tcp(23, "telnet")])],
      }),
      {},
    ).findings[0]!;
    expect(a.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(a.fingerprint).toBe(b.fingerprint);
  });
});

describe("accepted exceptions", () => {
  it("accepting a finding for one host splits it: the rest stays open", () => {
    const ctx = {
      ...twoTelnetHosts(),
      answers: { accepted: [{ id: "telnet-open", host: "10.0.0.40", reason: "isolated label printer" }] },
    };
    const run = runRules([telnet], ctx, {});
    expect(run.findings.map((f) => [f.status, f.hosts])).toEqual([
      ["open", ["10.0.0.41"]],
      ["accepted", ["10.0.0.40"]],
    ]);
    expect(run.findings[1]?.acceptedReason).toBe("10.0.0.40: isolated label printer");
    expect(run.findings[1]?.evidence.every((e) => e.host === "10.0.0.40")).toBe(true);
  });

  it("an accepted finding stays listed and leaves the risk score", () => {
    const open = runRules([telnet], twoTelnetHosts(), {});
    const accepted = runRules(
      [telnet],
      { ...twoTelnetHosts(), answers: { accepted: [{ id: "telnet-open", reason: "vendor-managed" }] } },
      {},
    );
    expect(scoreRisk(open.findings).score).toBeGreaterThan(0);
    expect(accepted.findings).toHaveLength(1);
    expect(accepted.findings[0]).toMatchObject({ status: "accepted", acceptedReason: "vendor-managed" });
    expect(scoreRisk(accepted.findings).score).toBe(0);
  });

  it("an exception that matches nothing is reported, not silently dropped", () => {
    const run = runRules(
      [telnet],
      { ...twoTelnetHosts(), answers: { accepted: [{ id: "telnet-open", host: "10.0.0.99", reason: "x" }] } },
      {},
    );
    expect(run.warnings).toEqual([
      "answers accepted[0]: no finding telnet-open on 10.0.0.99 in this audit; the exception was not used",
    ]);
  });
});

describe("custom rulesets", () => {
  it("an entry naming no rule is reported as a warning", async () => {
    const { analyze } = await import("../../../../report/analyze/analyze.js");
    const { audit } = makeContext({ hosts: [host("10.0.0.40", [tcp(23, "telnet")])] });
    const assessment = analyze(audit, {
      ruleset: { "telnet-opne": { enabled: false } },
      tool: { name: "sweetspot", version: "test" },
    });
    expect(assessment.warnings).toContain("ruleset: no rule named telnet-opne; the entry was ignored");
    expect(assessment.findings.map((finding) => finding.id)).toContain("telnet-open");
  });
});
