import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../../../lib/errors.js";
import { AnswersSchema } from "../../../../schema/answers.js";
import { ANSWERS_TEMPLATE } from "../../../../report/inputs/answers-template.js";
import { parseAnswersText, readAnswersFile } from "../../../../report/inputs/read-answers.js";
import { parsePricingText, readPricingFile } from "../../../../report/inputs/read-pricing.js";

function lineOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).line;
  }
  throw new Error("expected a UsageError");
}

describe("answers.yaml", () => {
  it("reads a filled-in file", () => {
    const answers = parseAnswersText(
      [
        "employees: 14",
        "industry: dental",
        "lastRestoreTest: 2026-03-31",
        "offsiteBackup:",
        "  provider: Backblaze",
        "  exists: yes",
        "accepted:",
        "  - id: telnet-open",
        "    host: 10.0.0.20",
        "    reason: isolated label printer",
      ].join("\n"),
    );
    expect(answers).toEqual({
      employees: 14,
      industry: "dental",
      lastRestoreTest: "2026-03-31",
      offsiteBackup: { provider: "Backblaze", exists: "yes" },
      accepted: [{ id: "telnet-open", host: "10.0.0.20", reason: "isolated label printer" }],
    });
  });

  it.each([
    [
      "employees: twelve",
      'answers.yaml: employees: expected a number, got "twelve" — write a whole number like 12',
    ],
    [
      "employees: 12.5",
      "answers.yaml: employees: expected a whole number, got 12.5 — write a whole number like 12",
    ],
    [
      "industry: dentist",
      /^answers\.yaml: industry: expected one of medical, dental, .* got "dentist" — write one of: medical, dental/,
    ],
    [
      "lastRestoreTest: last week",
      /^answers\.yaml: lastRestoreTest: .*got "last week" — write a date like 2026-03-31, or never$/,
    ],
    [
      "employes: 12",
      "answers.yaml: employes: unknown field — did you mean employees? see `sweetspot answers --init` for every field",
    ],
    [
      "accepted:\n  - id: telnet-open\n    host: 10.0.0.5",
      "answers.yaml: accepted[0].reason: expected a string, got nothing — write why the finding is accepted",
    ],
    ["employees: [1, 2", /^answers\.yaml: not valid YAML at line 1 .* — check the indentation/],
    ["- employees", "answers.yaml: expected answers fields (name: value lines), got a list"],
  ])("%j → one line naming the field and the fix", (text, expected) => {
    const line = lineOf(() => parseAnswersText(text));
    if (typeof expected === "string") expect(line).toBe(expected);
    else expect(line).toMatch(expected);
    expect(line).not.toContain("\n");
  });

  it("names a missing file", async () => {
    await expect(readAnswersFile("/nonexistent/answers.yaml")).rejects.toThrow(
      "/nonexistent/answers.yaml: no such file",
    );
  });

  it("the --init template covers every field, and parses as 'nothing answered yet'", () => {
    for (const field of Object.keys(AnswersSchema.shape))
      expect(ANSWERS_TEMPLATE).toMatch(new RegExp(`^${field}:`, "m"));
    expect(parseAnswersText(ANSWERS_TEMPLATE)).toEqual({});
  });

  it("reads a file from disk", async () => {
    const dir = mkdtempSync(join(tmpdir(), "answers-"));
    const file = join(dir, "answers.yaml");
    writeFileSync(file, "employees: 9\ncurrentSupport: break-fix\n");
    await expect(readAnswersFile(file)).resolves.toEqual({ employees: 9, currentSupport: "break-fix" });
    expect(statSync(file).isFile()).toBe(true);
    expect(readFileSync(file, "utf8")).toContain("employees");
  });
});

describe("pricing.yaml", () => {
  it("fills unset fields with the documented defaults", () => {
    const pricing = parsePricingText("currency: EUR\nperWorkstation: {low: 70, high: 95}\n");
    expect(pricing.currency).toBe("EUR");
    expect(pricing.perWorkstation).toEqual({ low: 70, high: 95 });
    expect(pricing.perServer).toEqual({ low: 100, high: 200 });
    expect(pricing.targetBand).toEqual({ low: 1000, high: 2000 });
  });

  it("an empty file is the defaults", () => {
    expect(parsePricingText("").minimumMonthlyFee).toBe(500);
  });

  it.each([
    [
      "perServer: 150",
      "pricing.yaml: perServer: expected a group of fields, got 150 — write low and high amounts a month, like {low: 60, high: 85}",
    ],
    [
      "currency: dollars",
      /^pricing\.yaml: currency: .*got "dollars" — write a 3-letter currency code like USD or EUR$/,
    ],
    ["targetBand: {low: 2000, high: 1000}", /^pricing\.yaml: targetBand: high must be at least low/],
    ["perSeat: 80", /^pricing\.yaml: perSeat: unknown field/],
  ])("%j → one line naming the field", (text, expected) => {
    const line = lineOf(() => parsePricingText(text));
    if (typeof expected === "string") expect(line).toBe(expected);
    else expect(line).toMatch(expected);
  });

  it("names a missing file", async () => {
    await expect(readPricingFile("/nonexistent/pricing.yaml")).rejects.toThrow("no such file");
  });
});
