import { defineRule } from "./define-rule.js";
import { failIfAny, openServices, serviceEvidence } from "./rule-helpers.js";

/** Databases that ship without a password (or with one most installs never set). */
const UNAUTHENTICATED_BY_DEFAULT: Record<number, string> = {
  6379: "redis",
  27017: "mongodb",
  9200: "elasticsearch",
  11211: "memcached",
};
const SQL: Record<number, string> = { 1433: "ms-sql", 3306: "mysql", 5432: "postgresql", 1521: "oracle" };
// Sets of numbers: `port in record` goes through the records' sparse (dictionary) elements for
// every open service of the audit.
const UNAUTHENTICATED_PORTS = new Set(Object.keys(UNAUTHENTICATED_BY_DEFAULT).map(Number));
const SQL_PORTS = new Set(Object.keys(SQL).map(Number));

export default defineRule({
  meta: {
    id: "database-exposed",
    title: "Databases accept connections from the whole network",
    passTitle: "No database listens to the whole network",
    category: "security",
    defaultSeverity: "medium",
    impact:
      "The practice-management or accounting data sits one password guess away from every PC in the office, including an infected one.",
    recommendation:
      "Let the database accept connections only from the application server (host firewall rules), set strong passwords, and keep it patched.",
    references: [
      "https://learn.microsoft.com/en-us/sql/sql-server/install/configure-the-windows-firewall-to-allow-sql-server-access",
      "https://csrc.nist.gov/pubs/sp/800/123/final",
    ],
  },
  evaluate(ctx) {
    const hits = openServices(
      ctx,
      (service) =>
        service.protocol === "tcp" && (UNAUTHENTICATED_PORTS.has(service.port) || SQL_PORTS.has(service.port)),
    );
    const noAuthByDefault = hits.some((hit) => UNAUTHENTICATED_PORTS.has(hit.service.port));
    return failIfAny(
      hits.map((hit) =>
        serviceEvidence(
          hit,
          UNAUTHENTICATED_PORTS.has(hit.service.port)
            ? "this database has no password by default"
            : undefined,
        ),
      ),
      noAuthByDefault ? "high" : undefined,
    );
  },
});
