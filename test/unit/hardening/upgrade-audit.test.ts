import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { upgradeAudit } from "../../../schema/upgrade-audit.js";

/**
 * An Audit written by an older sweetspot is upgraded, step by step, before it is validated.
 * Version 1 is the first, so no real older file exists yet: this test pretends the current
 * version is 3 and injects the upgrade steps, as a future version 2 and 3 would add them.
 */
vi.mock("../../../schema/audit.js", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../../schema/audit.js")>()),
  AUDIT_SCHEMA_VERSION: 3,
}));

const v1 = JSON.parse(
  readFileSync(join(process.cwd(), "test/fixtures/audits/hand-made-workgroup-office.audit.json"), "utf8"),
) as Record<string, unknown>;

const steps = {
  1: (doc: Record<string, unknown>) => ({ ...doc, schemaVersion: 2, renamedTool: doc.tool, tool: undefined }),
  2: (doc: Record<string, unknown>) => ({ ...doc, schemaVersion: 3, addedInV3: [] }),
};

describe("upgradeAudit with injected steps", () => {
  it("runs every step from the file's version to the current one, in order, and says from where", () => {
    const result = upgradeAudit(structuredClone(v1), steps);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.upgradedFrom).toBe(1);
    expect(result.doc.schemaVersion).toBe(3);
    expect(result.doc.renamedTool).toEqual(v1.tool);
    expect(result.doc.addedInV3).toEqual([]);
  });

  it("does not touch the caller's document", () => {
    const doc = structuredClone(v1);
    upgradeAudit(doc, steps);
    expect(doc).toEqual(v1);
  });

  it("starts from the middle for a version-2 file", () => {
    const result = upgradeAudit({ ...structuredClone(v1), schemaVersion: 2 }, steps);
    expect(result.ok && result.upgradedFrom).toBe(2);
    expect(result.ok && result.doc.renamedTool).toBeUndefined();
    expect(result.ok && result.doc.addedInV3).toEqual([]);
  });

  it("names the missing step instead of guessing", () => {
    const result = upgradeAudit(structuredClone(v1), { 1: steps[1] });
    expect(result).toEqual({ ok: false, problems: [{ path: "schemaVersion", message: "no upgrade from version 2" }] });
  });

  it("refuses a newer file with the fix (upgrade sweetspot)", () => {
    const result = upgradeAudit({ ...structuredClone(v1), schemaVersion: 4 }, steps);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.message).toMatch(/newer sweetspot.*upgrade sweetspot/);
  });

  it.each([0, -1, 1.5, "1", null])("refuses schemaVersion %j as not an Audit", (schemaVersion) => {
    const result = upgradeAudit({ ...structuredClone(v1), schemaVersion }, steps);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.path).toBe("schemaVersion");
  });
});
