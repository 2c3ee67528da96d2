import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyze } from "../../../../report/analyze/analyze.js";
import { parseAudit } from "../../../../schema/parse-audit.js";
import { SCENARIOS } from "../../../lab/scenarios/index.js";

// Audits written by `sweetspot scan` in the lab's agent namespace (test/fixtures/README.md), judged
// against the ground truth each scenario was built to: every host's role and the verdict.
const CASES = [
  ["office", "test/fixtures/audits/lab-office.audit.json", "sweet-spot"],
  ["shop", "test/fixtures/audits/lab-shop.audit.json", "too-small"],
] as const;

describe.each(CASES)("recorded scan of the lab's %s scenario", (name, path, verdict) => {
  const parsed = parseAudit(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.ok) throw new Error(`${path} is not a valid Audit`);
  const assessment = analyze(parsed.audit);
  const scenario = SCENARIOS[name];

  it(`is judged ${verdict}`, () => {
    expect(assessment.verdict).toBe(verdict);
  });

  it.each(scenario.hosts.map((host) => [`${scenario.net}.${host.octet}`, host.name, host.role] as const))(
    "%s (%s) is a %s",
    (ip, _name, role) => {
      expect(assessment.devices.find((device) => device.ip === ip)?.role).toBe(role);
    },
  );
});
