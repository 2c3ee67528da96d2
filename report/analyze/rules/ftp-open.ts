import { defineRule } from "./define-rule.js";
import { failIfAny, openServices, serviceEvidence } from "./rule-helpers.js";

export default defineRule({
  meta: {
    id: "ftp-open",
    title: "Unencrypted FTP is open",
    passTitle: "No host offers plain FTP",
    category: "security",
    defaultSeverity: "medium",
    impact:
      "FTP sends logins and files in clear text across the network, where anyone listening can read them.",
    recommendation:
      "Turn FTP off, or replace it with SFTP or FTPS; on copiers and NAS boxes use SMB 3 or HTTPS instead.",
    references: [
      "https://csrc.nist.gov/pubs/sp/800/123/final",
      "https://nmap.org/nsedoc/scripts/ftp-anon.html",
    ],
    projectId: "legacy-protocol-cleanup",
  },
  evaluate(ctx) {
    const hits = openServices(
      ctx,
      (service) =>
        service.protocol === "tcp" && (service.name === "ftp" || service.port === 21) && !service.tunnel,
    );
    return failIfAny(hits.map((hit) => serviceEvidence(hit)));
  },
});
