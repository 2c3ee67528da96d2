import { defineRule } from "./define-rule.js";
import {
  deviceAt,
  failIfAny,
  hasRole,
  INFRASTRUCTURE_ROLES,
  openServices,
  redirectsToHttps,
  serviceEvidence,
} from "./rule-helpers.js";

const PLAIN_HTTP_PORTS = [80, 8000, 8080, 8081, 8888];

export default defineRule({
  meta: {
    id: "http-admin-unencrypted",
    title: "Network devices offer admin pages over plain HTTP",
    passTitle: "Network devices' admin pages are encrypted",
    category: "network",
    defaultSeverity: "medium",
    impact:
      "The administrator password of the firewall, switch or NAS crosses the network readable by anyone listening.",
    recommendation:
      "Turn off HTTP management on these devices (keep HTTPS only) and limit management to the IT team's addresses.",
    references: [
      "https://www.cisa.gov/news-events/news/securing-network-infrastructure-devices",
      "https://csrc.nist.gov/pubs/sp/800/52/r2/final",
    ],
  },
  evaluate(ctx) {
    const hits = openServices(
      ctx,
      (service, host) =>
        // Cheap tests first: this runs for every open service of the audit.
        service.protocol === "tcp" &&
        !service.tunnel &&
        (service.name === "http" ||
          service.name === "http-proxy" ||
          PLAIN_HTTP_PORTS.includes(service.port)) &&
        !redirectsToHttps(service) &&
        hasRole(deviceAt(ctx, host.ip), INFRASTRUCTURE_ROLES),
    );
    return failIfAny(hits.map((hit) => serviceEvidence(hit, "admin interface without TLS")));
  },
});
