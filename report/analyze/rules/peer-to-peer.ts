import { defineRule } from "./define-rule.js";
import { derived } from "./rule-helpers.js";

export default defineRule({
  meta: {
    id: "peer-to-peer",
    title: "The office runs as a peer-to-peer workgroup, without a domain",
    passTitle: "Computers are managed by a domain",
    category: "identity",
    defaultSeverity: "medium",
    impact:
      "Every PC has its own accounts and passwords: nobody can switch off a departing employee's access in one place, enforce updates or lock screens, or know who opened what.",
    recommendation:
      "Move to central identity management: an Active Directory domain or Microsoft Entra ID with Intune, so accounts, passwords and security settings are managed in one place.",
    references: [
      "https://learn.microsoft.com/en-us/windows-server/identity/ad-ds/get-started/virtual-dc/active-directory-domain-services-overview",
      "https://learn.microsoft.com/en-us/entra/identity/devices/concept-directory-join",
    ],
    projectId: "domain-migration",
  },
  evaluate(ctx) {
    const { directory, counts } = ctx.environment;
    if (directory.kind === "domain") return { status: "pass" };
    if (directory.kind === "unknown") return { status: "unknown" };
    const workstations = ctx.devices
      .filter((device) => device.role === "workstation" || device.role === "laptop")
      .map((device) => device.ip);
    return {
      status: "fail",
      hosts: workstations,
      evidence: [
        ...directory.evidence,
        derived(
          "environment.directory.kind",
          `workgroup${directory.name ? ` ${directory.name}` : ""}, ${counts.workstations} workstations, ${counts.servers} servers`,
        ),
      ],
    };
  },
});
