import { describe, expect, it } from "vitest";
import { insertAscendingOnce } from "../../../report/analyze/classify/sorted-insert.js";
import { compareIds } from "../../../report/analyze/compare-ids.js";
import { memoisedPerObject } from "../../../report/analyze/remembered-lookups.js";

describe("helpers that keep the analysis' orderings while skipping cold-start costs", () => {
  it("orders ids exactly as localeCompare does, kebab-case or not", () => {
    const ids = [
      "smb1-enabled",
      "smb-signing-not-required",
      "smb",
      "rdp-exposed",
      "eol-os",
      "eol-os-2",
      "eol0",
      "a-b",
      "ab",
      "Zeta",
      "alpha",
      "Émile",
      "rule_x",
      "",
    ];
    for (const a of ids) {
      for (const b of ids) expect(Math.sign(compareIds(a, b))).toBe(Math.sign(a.localeCompare(b)));
    }
  });

  it("keeps a list ascending and each number once", () => {
    const list: number[] = [];
    for (const value of [7, 3, 9, 3, 0, 7, 12, 5]) insertAscendingOnce(list, value);
    expect(list).toEqual([0, 3, 5, 7, 9, 12]);
  });

  it("remembers an undefined fact per object too", () => {
    let calls = 0;
    const nothing = memoisedPerObject((_host: object) => {
      calls++;
      return undefined;
    });
    const host = {};
    expect(nothing(host)).toBeUndefined();
    expect(nothing(host)).toBeUndefined();
    expect(calls).toBe(1);
  });
});
