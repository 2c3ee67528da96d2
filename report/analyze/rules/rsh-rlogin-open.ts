import { defineRule } from "./define-rule.js";
import { failIfAny, namedOrOnPort, openServices, serviceEvidence } from "./rule-helpers.js";

export default defineRule({
  meta: {
    id: "rsh-rlogin-open",
    title: "rsh, rlogin or rexec is open",
    passTitle: "No host offers rsh, rlogin or rexec",
    category: "security",
    defaultSeverity: "high",
    impact:
      "These 1980s remote-login services trust the caller's address and send everything in clear text: they let an attacker in without a real password.",
    recommendation: "Disable rsh, rlogin and rexec and use SSH instead.",
    references: [
      "https://csrc.nist.gov/pubs/sp/800/123/final",
      "https://nmap.org/nsedoc/scripts/rlogin-brute.html",
    ],
    projectId: "legacy-protocol-cleanup",
  },
  evaluate(ctx) {
    const hits = openServices(
      ctx,
      namedOrOnPort(["exec", "login", "shell", "rsh", "rlogin", "rexec"], [512, 513, 514]),
    );
    return failIfAny(hits.map((hit) => serviceEvidence(hit)));
  },
});
