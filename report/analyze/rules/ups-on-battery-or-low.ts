import type { Evidence } from "../../../schema/assessment.js";
import type { Host, UpsStatus } from "../../../schema/audit.js";
import { defineRule } from "./define-rule.js";
import { cap, failIfAny, hostPath } from "./rule-helpers.js";

export const UPS_LOW_CHARGE_PERCENT = 50;
export const UPS_LOW_RUNTIME_MINUTES = 10;
const BAD_STATUS = /\bOB\b|\bLB\b|\bRB\b|low|depleted|replace|onBattery/i;

export default defineRule({
  meta: {
    id: "ups-on-battery-or-low",
    title: "A UPS is on battery, low, or needs a new battery",
    passTitle: "UPS batteries are healthy",
    category: "power",
    defaultSeverity: "high",
    impact:
      "When the power fails, this UPS will not keep the equipment running long enough to shut down cleanly.",
    recommendation:
      "Check the UPS now: restore mains power or replace the battery pack, and have the UPS send alerts to the IT provider.",
    references: [
      "https://networkupstools.org/documentation.html",
      "https://csrc.nist.gov/pubs/sp/800/34/r1/upd1/final",
    ],
    projectId: "ups-installation",
  },
  evaluate(ctx) {
    const units: { host: Host; path: string; ups: UpsStatus }[] = [];
    for (const host of ctx.audit.hosts) {
      if (host.snmp?.ups) units.push({ host, path: `${hostPath(host)}.snmp.ups`, ups: host.snmp.ups });
      for (const [index, ups] of (host.ups ?? []).entries()) {
        units.push({ host, path: `${hostPath(host)}.ups[${index}]`, ups });
      }
    }
    if (units.length === 0) return { status: "not-applicable" };
    const evidence: Evidence[] = [];
    for (const { host, path, ups } of units) {
      const problems: string[] = [];
      if (ups.onBattery) problems.push("on battery");
      if (ups.batteryStatus && BAD_STATUS.test(ups.batteryStatus))
        problems.push(`battery status ${ups.batteryStatus}`);
      if (ups.chargePercent !== undefined && ups.chargePercent < UPS_LOW_CHARGE_PERCENT) {
        problems.push(`charge ${ups.chargePercent}%`);
      }
      if (ups.runtimeMinutes !== undefined && ups.runtimeMinutes < UPS_LOW_RUNTIME_MINUTES) {
        problems.push(`runtime ${ups.runtimeMinutes} min`);
      }
      if (problems.length > 0) {
        evidence.push({
          host: host.ip,
          fact: path,
          observed: cap(problems.join(", ")),
          source: "scan",
          note: ups.model,
        });
      }
    }
    return failIfAny(evidence);
  },
});
