import { defineRule } from "./define-rule.js";
import { derived } from "./rule-helpers.js";

export default defineRule({
  meta: {
    id: "no-server",
    title: "No server: files live on individual PCs",
    passTitle: "The office has a server",
    category: "business",
    defaultSeverity: "low",
    impact:
      "Shared files sit on somebody's desktop or a consumer NAS: when that PC dies or is stolen, the office loses them, and nobody controls who sees what.",
    recommendation:
      "Move shared files to a managed location: a small server, a business NAS with backup, or SharePoint/OneDrive with proper permissions.",
    references: ["https://www.cisa.gov/cyber-essentials"],
  },
  evaluate(ctx) {
    const { counts } = ctx.environment;
    if (counts.servers > 0) return { status: "pass" };
    if (counts.workstations === 0) return { status: "not-applicable" };
    return {
      status: "fail",
      hosts: [],
      evidence: [derived("environment.counts.servers", `0 servers, ${counts.workstations} workstations`)],
    };
  },
});
