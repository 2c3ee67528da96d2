import type { Evidence } from "../../../schema/assessment.js";
import { defineRule } from "./define-rule.js";
import { failIfAny } from "./rule-helpers.js";

/**
 * msDS-Behavior-Version numbers as LDAP reports them: 0 = 2000, 2 = 2003, 3 = 2008, 4 = 2008 R2,
 * 5 = 2012, 6 = 2012 R2, 7 = 2016 (also 2019/2022), 10 = 2025.
 */
const LEVEL_NAMES: Record<number, string> = {
  0: "Windows 2000",
  1: "Windows Server 2003 interim",
  2: "Windows Server 2003",
  3: "Windows Server 2008",
  4: "Windows Server 2008 R2",
  5: "Windows Server 2012",
  6: "Windows Server 2012 R2",
  7: "Windows Server 2016",
  10: "Windows Server 2025",
};
/** Windows Server 2025 domain controllers need at least the 2012 R2 level; older levels block upgrades. */
export const MINIMUM_FUNCTIONAL_LEVEL = 6;

export function parseFunctionalLevel(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const year = /(2000|2003|2008|2012|2016|2019|2022|2025)\s*(R2)?/i.exec(trimmed);
  if (!year) return undefined;
  const table: Record<string, number> = {
    "2000": 0,
    "2003": 2,
    "2008": 3,
    "2012": 5,
    "2016": 7,
    "2019": 7,
    "2022": 7,
    "2025": 10,
  };
  const base = table[year[1]!]!;
  return year[2] ? base + 1 : base;
}

export default defineRule({
  meta: {
    id: "old-domain-functional-level",
    title: "The domain runs at an old functional level",
    passTitle: "The domain functional level is current",
    category: "identity",
    defaultSeverity: "low",
    impact:
      "An old functional level keeps weaker authentication around and blocks adding current Windows Server domain controllers.",
    recommendation:
      "Retire the oldest domain controllers and raise the domain and forest functional levels to Windows Server 2016.",
    references: [
      "https://learn.microsoft.com/en-us/windows-server/identity/ad-ds/active-directory-functional-levels",
    ],
  },
  evaluate(ctx) {
    const domains = ctx.audit.directory.domains.filter((domain) => domain.functionalLevel !== undefined);
    if (domains.length === 0)
      return ctx.environment.directory.kind === "domain"
        ? { status: "unknown" }
        : { status: "not-applicable" };
    const evidence: Evidence[] = [];
    ctx.audit.directory.domains.forEach((domain, index) => {
      if (domain.functionalLevel === undefined) return;
      const level = parseFunctionalLevel(domain.functionalLevel);
      if (level === undefined || level >= MINIMUM_FUNCTIONAL_LEVEL) return;
      evidence.push({
        host: domain.controllers[0]?.ip,
        fact: `directory.domains[${index}].functionalLevel`,
        observed: `${domain.functionalLevel} (${LEVEL_NAMES[level] ?? "unknown level"}) in ${domain.dnsName}`,
        source: "scan",
      });
    });
    return failIfAny(evidence);
  },
});
