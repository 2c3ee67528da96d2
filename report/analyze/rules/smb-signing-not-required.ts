import type { Evidence } from "../../../schema/assessment.js";
import { defineRule } from "./define-rule.js";
import {
  findScript,
  isPrimaryRole,
  SERVER_ROLES,
  deviceAt,
  scriptEvidence,
  uniqueHosts,
} from "./rule-helpers.js";

const NOT_REQUIRED = /enabled but not required|disabled/i;

export default defineRule({
  meta: {
    id: "smb-signing-not-required",
    title: "SMB signing is not required",
    passTitle: "SMB hosts require message signing",
    category: "network",
    defaultSeverity: "medium",
    impact:
      "Without required signing, an attacker on the office network can relay a user's Windows login to a file server and open its files as that user.",
    recommendation:
      'Require SMB signing on servers first (Group Policy: "Microsoft network server: Digitally sign communications (always)"), then on workstations; Windows 11 24H2 and Server 2025 require it by default.',
    references: [
      "https://learn.microsoft.com/en-us/windows-server/storage/file-server/smb-signing-overview",
      "https://nmap.org/nsedoc/scripts/smb2-security-mode.html",
    ],
  },
  evaluate(ctx) {
    const evidence: Evidence[] = [];
    let serverAffected = false;
    for (const host of ctx.audit.hosts) {
      const hit = findScript(host, "smb2-security-mode") ?? findScript(host, "smb-security-mode");
      if (hit && NOT_REQUIRED.test(hit.output)) {
        evidence.push(scriptEvidence(hit, "signing is not required by this host"));
        if (isPrimaryRole(deviceAt(ctx, host.ip), SERVER_ROLES)) serverAffected = true;
      }
    }
    if (evidence.length === 0) return { status: "pass" };
    // Unsigned SMB on a server is what relay attacks aim at; on workstations alone it matters less.
    return {
      status: "fail",
      hosts: uniqueHosts(evidence),
      evidence,
      severity: serverAffected ? "medium" : "low",
    };
  },
});
