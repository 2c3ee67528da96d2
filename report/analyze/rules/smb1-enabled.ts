import { defineRule } from "./define-rule.js";
import { failIfAny, findScript, scriptEvidence } from "./rule-helpers.js";

/** nmap's smb-protocols lists "NT LM 0.12 (SMBv1)" when the host still speaks SMB version 1. */
const SMB1_DIALECT = /NT LM 0\.12|SMBv1/i;

export default defineRule({
  meta: {
    id: "smb1-enabled",
    title: "SMB version 1 is still enabled",
    passTitle: "No host offers SMB version 1",
    category: "security",
    defaultSeverity: "high",
    impact:
      "SMB version 1 is the file-sharing protocol WannaCry and NotPetya used to spread from one PC to every other PC in minutes. One infected machine can encrypt the whole office.",
    recommendation:
      "Turn off SMB version 1 on every Windows PC and server (Windows Features → SMB 1.0/CIFS, or Set-SmbServerConfiguration -EnableSMB1Protocol $false) and replace or update devices that still need it (old NAS boxes, copiers).",
    references: [
      "https://learn.microsoft.com/en-us/windows-server/storage/file-server/troubleshoot/detect-enable-and-disable-smbv1-v2-v3",
      "https://www.cisa.gov/news-events/alerts/2017/03/16/smb-security-best-practices",
    ],
    projectId: "smb1-removal",
  },
  evaluate(ctx) {
    const evidence = [];
    for (const host of ctx.audit.hosts) {
      const protocols = findScript(host, "smb-protocols");
      if (protocols && SMB1_DIALECT.test(protocols.output)) {
        evidence.push(scriptEvidence(protocols, "the host negotiates the SMBv1 dialect"));
      }
    }
    return failIfAny(evidence);
  },
});
