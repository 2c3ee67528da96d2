import { defineRule } from "./define-rule.js";
import {
  deviceAt,
  gatewayIps,
  isPrimaryRole,
  namedOrOnPort,
  openServices,
  serviceEvidence,
  uniqueHosts,
  WORKSTATION_ROLES,
} from "./rule-helpers.js";

/** Remote Desktop on a few servers is normal; on this many PCs it is usually a shortcut someone took. */
export const RDP_WORKSTATION_LIMIT = 3;

export default defineRule({
  meta: {
    id: "rdp-exposed",
    title: "Remote Desktop is exposed widely or on the gateway",
    passTitle: "Remote Desktop is limited to servers",
    category: "perimeter",
    defaultSeverity: "medium",
    impact:
      "Remote Desktop is the most common way ransomware crews get in. Open on the internet edge, it is tried with stolen passwords all day; open on many PCs, one stolen password opens them all.",
    recommendation:
      "Close Remote Desktop on the gateway and reach it only through a VPN with MFA; turn it off on workstations that do not need it and require Network Level Authentication where it stays.",
    references: [
      "https://www.cisa.gov/stopransomware/ransomware-guide",
      "https://learn.microsoft.com/en-us/windows-server/remote/remote-desktop-services/clients/remote-desktop-allow-access",
    ],
  },
  evaluate(ctx) {
    const rdp = openServices(ctx, namedOrOnPort(["ms-wbt-server", "rdp"], [3389]));
    const edges = gatewayIps(ctx);
    const onGateway = rdp.filter((hit) => edges.has(hit.host.ip));
    if (onGateway.length > 0) {
      const evidence = onGateway.map((hit) =>
        serviceEvidence(hit, "Remote Desktop answers on the office's gateway"),
      );
      return { status: "fail", hosts: uniqueHosts(evidence), evidence, severity: "high" };
    }
    const onWorkstations = rdp.filter((hit) => isPrimaryRole(deviceAt(ctx, hit.host.ip), WORKSTATION_ROLES));
    if (onWorkstations.length >= RDP_WORKSTATION_LIMIT) {
      const evidence = onWorkstations.map((hit) =>
        serviceEvidence(hit, "Remote Desktop open on a workstation"),
      );
      return { status: "fail", hosts: uniqueHosts(evidence), evidence };
    }
    return rdp.length === 0 ? { status: "not-applicable" } : { status: "pass" };
  },
});
