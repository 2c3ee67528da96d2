import { defineCheck } from "./check.js";

/** Tools sweetspot does not need but a consultant may want for checking by hand. */
export const snmpgetCheck = defineCheck({
  id: "snmpget",
  required: false,
  async run(probes) {
    const path = probes.which("snmpget");
    return path
      ? { id: "snmpget", status: "info", message: `snmpget at ${path} (optional: for checking SNMP by hand)` }
      : {
          id: "snmpget",
          status: "info",
          message: "snmpget not installed (optional: sweetspot reads SNMP itself)",
        };
  },
});
