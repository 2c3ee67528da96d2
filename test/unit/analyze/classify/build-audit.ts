import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Audit, AuditSchema, type HostInput, type ServiceSchema } from "../../../../schema/audit.js";
import { parseAudit } from "../../../../schema/parse-audit.js";
import type { z } from "zod";

/** Hand-made test helpers: the smallest valid Audit around a few hosts. */
export function buildAudit(hosts: HostInput[], overrides: Partial<z.input<typeof AuditSchema>> = {}): Audit {
  return AuditSchema.parse({
    schemaVersion: 1,
    tool: { name: "sweetspot", version: "0.0.0-test" },
    startedAt: "2026-11-27T14:00:00Z",
    status: "complete",
    client: { name: "Test office" },
    agent: {
      interfaces: [{ name: "eth0", ip4: "10.0.0.99", cidr: "10.0.0.0/24" }],
      gateway: "10.0.0.1",
      privileges: { admin: true, rawSockets: true },
    },
    scope: { targets: ["10.0.0.0/24"], autoDetected: false },
    engagement: { rate: {} },
    hosts,
    directory: {},
    network: {},
    ...overrides,
  });
}

export function host(ip: string, facts: Omit<HostInput, "ip" | "status"> = {}): HostInput {
  return { ip, status: { state: "up" }, ...facts };
}

/** Open TCP services from "445", "5060/udp" or full service objects. */
export function ports(
  ...specs: (string | number | z.input<typeof ServiceSchema>)[]
): z.input<typeof ServiceSchema>[] {
  return specs.map((spec) => {
    if (typeof spec === "object") return spec;
    const [port, protocol] = String(spec).split("/");
    return { port: Number(port), protocol: (protocol ?? "tcp") as "tcp" | "udp", state: "open" };
  });
}

/** A recorded or hand-made fixture Audit from test/fixtures/audits, validated. */
export function fixtureAudit(name: string): Audit {
  const path = fileURLToPath(new URL(`../../../fixtures/audits/${name}`, import.meta.url));
  const parsed = parseAudit(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.ok) throw new Error(`${name} is not a valid Audit: ${JSON.stringify(parsed.problems)}`);
  return parsed.audit;
}
