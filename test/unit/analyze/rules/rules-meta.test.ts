import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RULE_CATEGORIES } from "../../../../report/analyze/rules/define-rule.js";
import { RULES } from "../../../../report/analyze/rules/index.js";
import { DEFAULT_RULESET } from "../../../../report/analyze/rules/ruleset.js";
import { DEFAULT_PROJECTS } from "../../../../schema/pricing.js";

const RULES_DIR = "report/analyze/rules";
const TESTS_DIR = "test/unit/analyze/rules";
const DESIGN_IDS = [
  "smb1-enabled",
  "consumer-firewall",
  "no-backup-detected",
  "no-ups-detected",
  "eol-os",
  "telnet-open",
  "peer-to-peer",
];

describe("rule metadata (META)", () => {
  const testText = readdirSync(TESTS_DIR)
    .filter((file) => file.endsWith(".ts"))
    .map((file) => readFileSync(join(TESTS_DIR, file), "utf8"))
    .join("\n");

  it("has at least 30 rules including every id named in DESIGN.md", () => {
    expect(RULES.length).toBeGreaterThanOrEqual(30);
    const ids = RULES.map((rule) => rule.meta.id);
    for (const id of DESIGN_IDS) expect(ids).toContain(id);
  });

  it("ids are unique and kebab-case", () => {
    const ids = RULES.map((rule) => rule.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it.each(RULES.map((rule) => [rule.meta.id, rule] as const))(
    "%s has impact, recommendation, references and its own file and test case",
    (id, rule) => {
      const { meta } = rule;
      expect(meta.title.length).toBeGreaterThan(5);
      expect(meta.impact.length).toBeGreaterThan(20);
      expect(meta.recommendation.length).toBeGreaterThan(20);
      expect(meta.references.length).toBeGreaterThanOrEqual(1);
      for (const reference of meta.references) expect(reference).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]+\//);
      expect(RULE_CATEGORIES).toContain(meta.category);
      expect(readdirSync(RULES_DIR)).toContain(`${id}.ts`);
      expect(testText).toContain(`id: "${id}"`);
      if (meta.projectId) expect(Object.keys(DEFAULT_PROJECTS)).toContain(meta.projectId);
    },
  );

  it("the default ruleset lists every rule with its default severity, and nothing else", () => {
    const ids = RULES.map((rule) => rule.meta.id).sort();
    expect(Object.keys(DEFAULT_RULESET).sort()).toEqual(ids);
    for (const rule of RULES) {
      expect(DEFAULT_RULESET[rule.meta.id]).toEqual({ enabled: true, severity: rule.meta.defaultSeverity });
    }
  });
});
