import { defineRule } from "./define-rule.js";
import {
  deviceAt,
  failIfAny,
  hasRole,
  openServices,
  redirectsToHttps,
  serviceEvidence,
} from "./rule-helpers.js";

/** Management services a printer does not need for printing (9100, 515 and 631 are printing). */
const ADMIN_PORTS = [21, 23, 80, 8080];

export default defineRule({
  meta: {
    id: "printer-admin-open",
    title: "Printers expose unencrypted admin services",
    passTitle: "Printers expose only printing services",
    category: "network",
    defaultSeverity: "low",
    impact:
      "Copiers keep scanned documents and address books; an open admin page, FTP or Telnet lets anyone read them or send scans elsewhere.",
    recommendation:
      "Set an admin password on every printer, turn off Telnet, FTP and plain-HTTP management, and keep printer firmware current.",
    references: [
      "https://www.cisa.gov/news-events/news/securing-network-infrastructure-devices",
      "https://csrc.nist.gov/pubs/sp/800/123/final",
    ],
  },
  evaluate(ctx) {
    const printers = ctx.devices.filter((device) => device.role === "printer");
    if (printers.length === 0) return { status: "not-applicable" };
    const hits = openServices(
      ctx,
      (service, host) =>
        // Cheap tests first: this runs for every open service of the audit.
        service.protocol === "tcp" &&
        !service.tunnel &&
        ADMIN_PORTS.includes(service.port) &&
        !redirectsToHttps(service) &&
        hasRole(deviceAt(ctx, host.ip), ["printer"]),
    );
    return failIfAny(hits.map((hit) => serviceEvidence(hit, "management service on a printer")));
  },
});
