import { beforeAll, describe, expect, inject, it } from "vitest";
import { type AttachedLab, attachLab } from "../lab/attach.js";
import type { Audit } from "../../schema/audit.js";
import { parseAudit } from "../../schema/parse-audit.js";

/** The collectors in the shop lab: a peer-to-peer workgroup behind a consumer router, no domain. */
let lab: AttachedLab;
let audit: Audit;

beforeAll(async () => {
  lab = await attachLab(inject("labs").shop);
  const result = await lab.execInAgent(
    [
      "npx",
      "tsx",
      "test/integration/helpers/run-gatherers.ts",
      "--targets",
      lab.truth.cidr,
      "--ping-target",
      lab.truth.internetTarget,
    ],
    { timeoutMs: 240_000 },
  );
  if (result.code !== 0)
    throw new Error(`run-gatherers failed (${result.code}): ${result.stderr.slice(-2000)}`);
  const parsed = parseAudit(JSON.parse(result.stdout));
  if (!parsed.ok)
    throw new Error(`run-gatherers printed no valid Audit: ${JSON.stringify(parsed.problems).slice(0, 500)}`);
  audit = parsed.audit;
});

describe("collectors in the shop lab", () => {
  it("finds the workgroup with its member PCs and no domain", () => {
    expect(audit.directory.domains).toEqual([]);
    const pcs = lab.truth.hosts.filter((h) => h.role === "workstation").map((h) => h.ip);
    expect(audit.directory.workgroups).toEqual([
      expect.objectContaining({ name: lab.truth.directory.name, hosts: expect.arrayContaining(pcs) }),
    ]);
  });

  it("pings the router, which is also the DNS server, and the lab's internet", () => {
    expect(audit.network.gateway).toMatchObject({ target: lab.truth.gateway, lossPercent: 0 });
    expect(audit.network.dns).toEqual([
      expect.objectContaining({ target: lab.truth.dnsServer, kind: "dns" }),
    ]);
    expect(audit.network.wan[0]?.target).toBe(lab.truth.internetTarget);
  });

  it("finds no SNMP agent and no UPS, and says nothing false about them", () => {
    expect(audit.hosts.filter((h) => h.snmp || h.ups)).toEqual([]);
    expect(audit.warnings.filter((w) => ["snmp", "nut", "directory"].includes(w.source))).toEqual([]);
  });
});
