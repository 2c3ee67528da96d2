import { describe, expect, it } from "vitest";
import type { Assessment, Finding } from "../../../schema/assessment.js";
import { DEFAULT_BRAND } from "../../../report/brand/default-brand.js";
import { safeText } from "../../../report/render/safe-text.js";
import { sortFindings, toViewModel } from "../../../report/render/view-model.js";
import { HOSTILE, handMadeAssessment, hostileAssessment } from "./fixtures.js";

const finding = (
  id: string,
  severity: Finding["severity"],
  hosts: number,
  status: Finding["status"] = "open",
): Finding => ({
  id,
  severity,
  category: "security",
  title: id,
  status,
  hosts: Array.from({ length: hosts }, (_, i) => `10.0.0.${i + 1}`),
  evidence: [],
  impact: "",
  recommendation: "fix",
  references: [],
});

describe("sortFindings", () => {
  it("orders open findings by severity, then by how many hosts they touch; accepted and errors last", () => {
    const sorted = sortFindings([
      finding("low-many", "low", 9),
      finding("high-one", "high", 1),
      finding("accepted-critical", "critical", 5, "accepted"),
      finding("critical-one", "critical", 1),
      finding("high-three", "high", 3),
      finding("error-critical", "critical", 1, "error"),
    ]);
    expect(sorted.map((f) => f.id)).toEqual([
      "critical-one",
      "high-three",
      "high-one",
      "low-many",
      "accepted-critical",
      "error-critical",
    ]);
  });
});

describe("toViewModel", () => {
  it("puts the five most serious open findings in the summary", () => {
    const vm = toViewModel(handMadeAssessment(), DEFAULT_BRAND);
    expect(vm.topFindings).toHaveLength(5);
    expect(vm.topFindings.map((f) => f.severity)).toEqual(["critical", "high", "high", "high", "medium"]);
    expect(vm.topFindings[0]?.title).toBe("SMB1 file sharing is still enabled");
    // Among the three highs, the one on two hosts comes first.
    expect(vm.topFindings[1]?.hostCount).toBe(2);
    expect(vm.topFindings.every((f) => f.status === "open")).toBe(true);
  });

  it("turns unknowns into the question to ask, using the analysis' own question", () => {
    const vm = toViewModel(handMadeAssessment(), DEFAULT_BRAND);
    const offsite = vm.backup.facts.find((f) => f.label === "Offsite / cloud copy");
    expect(offsite?.value).toBe(
      "Unknown — ask: Is there a copy of the backups outside the office (cloud or rotated disks)?",
    );
    expect(offsite?.tone).toBe("unknown");
    expect(vm.security.endpoint.value).toMatch(/^Unknown — ask: Which antivirus/);
  });

  it("falls back to a built-in question when the analysis asked none", () => {
    const a: Assessment = { ...handMadeAssessment(), questions: [] };
    a.environment = { ...a.environment, power: { ...a.environment.power, ups: "unknown" } };
    const vm = toViewModel(a, DEFAULT_BRAND);
    expect(vm.power.facts[0]?.value).toBe(
      "Unknown — ask: Are the server and network equipment on a UPS (battery backup)?",
    );
  });

  it("groups devices by role, infrastructure first", () => {
    const vm = toViewModel(handMadeAssessment(), DEFAULT_BRAND);
    const labels = vm.environment.roleGroups.map((g) => g.label);
    expect(labels[0]).toBe("Firewall");
    expect(labels.indexOf("Desktop PCs")).toBeGreaterThan(labels.indexOf("Domain controller"));
    expect(vm.environment.roleGroups.find((g) => g.label === "Desktop PCs")?.count).toBe(9);
  });

  it("formats money, dates and the on-site cadence for people", () => {
    const vm = toViewModel(handMadeAssessment(), DEFAULT_BRAND);
    expect(vm.proposal.monthly).toBe("$1,450 – $1,850");
    expect(vm.proposal.onsite).toBe("2 half-days on site per month");
    expect(vm.dates.visit).toBe("20 November 2026");
    expect(vm.proposal.projectsTotal).toBe("$6,600 – $10,400");
  });

  it("numbers the table of contents and adds the changes section only when there are changes", () => {
    const vm = toViewModel(handMadeAssessment(), DEFAULT_BRAND);
    expect(vm.toc.map((e) => e.number)).toEqual(vm.toc.map((_, i) => i + 1));
    expect(vm.toc.some((e) => e.id === "since-last-assessment")).toBe(false);
    expect(vm.toc.at(-1)?.title).toBe("Appendix B — Method, scope and limits");
  });

  it("caps and cleans every network-derived string", () => {
    const vm = toViewModel(hostileAssessment(), DEFAULT_BRAND);
    const strings: string[] = [];
    const walk = (value: unknown, key = "") => {
      if (typeof value === "string") {
        if (!key.endsWith("Svg") && !key.endsWith("DataUrl")) strings.push(value);
      } else if (Array.isArray(value)) for (const v of value) walk(v, key);
      else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, k);
    };
    walk(vm);
    expect(strings.length).toBeGreaterThan(100);
    for (const text of strings) {
      expect(Array.from(text).length).toBeLessThanOrEqual(1200);
      expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]|[\ud800-\udbff](?![\udc00-\udfff])/);
    }
    const model = vm.inventory.rows[0]?.detail ?? "";
    expect(Array.from(model).length).toBeLessThanOrEqual(200);
    const firewall = vm.firewall.facts[0]?.value ?? "";
    expect(firewall.endsWith("…")).toBe(true);
    expect(Array.from(firewall).length).toBe(200);
  });
});

describe("safeText", () => {
  it.each([
    ["plain", "plain"],
    ["  spaced\n\tout  ", "spaced out"],
    ["bell\u0007", "bell\ufffd"],
    ["lone\ud800", "lone\ufffd"],
    ["rtl\u202eoverride", "rtl\ufffdoverride"],
    ["emoji 🙂 ok", "emoji 🙂 ok"],
  ])("%j → %j", (input, output) => {
    expect(safeText(input)).toBe(output);
  });

  it("caps at 200 characters with an ellipsis, counting code points", () => {
    const capped = safeText(HOSTILE.long);
    expect(Array.from(capped)).toHaveLength(200);
    expect(capped.endsWith("…")).toBe(true);
    expect(Array.from(safeText("🙂".repeat(300)))).toHaveLength(200);
  });
});
