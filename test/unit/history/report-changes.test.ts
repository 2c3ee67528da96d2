import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { changesForReport } from "../../../report/history/report-changes.js";
import { saveAuditToStore } from "../../../report/history/store.js";
import type { Audit } from "../../../schema/audit.js";
import { assessment, audit, device, host } from "../../fixtures/history/build.js";

// A stand-in analysis: one workstation per host, so the test does not depend on the rules.
const analyzeStub = (a: Audit) =>
  assessment({
    startedAt: a.startedAt,
    auditId: a.auditId,
    devices: a.hosts.map((h) => device(h.ip, "workstation")),
    findings: [],
  });

const q = (startedAt: string, auditId: string, hosts: number) =>
  audit({ startedAt, auditId, hosts: Array.from({ length: hosts }, (_, i) => host(`10.9.0.${i + 1}`)) });
const q1 = q("2026-02-10T09:00:00Z", "q1-00000001", 2);
const q2 = q("2026-05-12T09:00:00Z", "q2-00000002", 3);
const q3 = q("2026-08-11T09:00:00Z", "q3-00000003", 4);

let store: string;
beforeEach(async () => {
  store = await mkdtemp(join(tmpdir(), "sweetspot-report-changes-"));
});
afterEach(async () => {
  await rm(store, { recursive: true, force: true });
});

describe("changesForReport", () => {
  it("compares with the newest earlier audit in the store and charts them all (the audit itself stored too)", async () => {
    for (const a of [q1, q2, q3]) await saveAuditToStore(a, store);
    const changes = await changesForReport(q3, analyzeStub(q3), {
      storeDir: store,
      analyzeEarlier: analyzeStub,
    });
    expect(changes?.previous?.startedAt).toBe(q2.startedAt);
    expect(changes?.devices.added.map((d) => d.ip)).toEqual(["10.9.0.4"]);
    expect(changes?.history.map((h) => h.devices)).toEqual([2, 3, 4]);
  });

  it("uses --previous audits instead of the store when given", async () => {
    for (const a of [q1, q2]) await saveAuditToStore(a, store);
    const changes = await changesForReport(q3, analyzeStub(q3), {
      previous: [q1],
      storeDir: store,
      analyzeEarlier: analyzeStub,
    });
    expect(changes?.previous?.startedAt).toBe(q1.startedAt);
    expect(changes?.history).toHaveLength(2);
  });

  it("gives no section for a first visit", async () => {
    await saveAuditToStore(q1, store);
    expect(
      await changesForReport(q1, analyzeStub(q1), { storeDir: store, analyzeEarlier: analyzeStub }),
    ).toBeUndefined();
  });
});
