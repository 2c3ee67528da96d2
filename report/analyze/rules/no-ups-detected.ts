import { defineRule } from "./define-rule.js";
import { derived, fromAnswers } from "./rule-helpers.js";

export default defineRule({
  meta: {
    id: "no-ups-detected",
    title: "No UPS (battery backup) was detected",
    passTitle: "A UPS protects the equipment",
    category: "power",
    defaultSeverity: "medium",
    impact:
      "A power cut or brown-out switches the server and network off mid-write: corrupted databases, damaged disks and a morning lost restarting everything.",
    recommendation:
      "Put the server, firewall and switches on a network-managed UPS that shuts the server down cleanly, and replace its batteries every 3–5 years.",
    references: [
      "https://csrc.nist.gov/pubs/sp/800/34/r1/upd1/final",
      "https://networkupstools.org/documentation.html",
    ],
    projectId: "ups-installation",
  },
  evaluate(ctx) {
    const { power } = ctx.environment;
    if (power.ups === "yes" || power.devices.length > 0 || ctx.answers.hasUps === "yes")
      return { status: "pass" };
    const evidence = [
      ...power.evidence,
      derived(
        "environment.power.ups",
        power.ups,
        power.ups === "unknown"
          ? "no UPS answered on the network (SNMP, NUT); a UPS connected only by USB would not show — confirm with the client"
          : undefined,
      ),
    ];
    if (ctx.answers.hasUps === "no") evidence.push(fromAnswers("hasUps", "no"));
    return { status: "fail", hosts: [], evidence };
  },
});
