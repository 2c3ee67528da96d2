import { describe, expect, it, vi } from "vitest";
import { assessPaths, runAssess } from "../../../cli/commands/assess.js";
import { reportTargets } from "../../../cli/commands/report.js";
import { UsageError } from "../../../lib/errors.js";
import { Progress } from "../../../lib/progress.js";
import type { Audit } from "../../../schema/audit.js";

const quiet = new Progress({ quiet: true });

describe("sweetspot assess", () => {
  it("names every file after the client and the day, in --dir", () => {
    const paths = assessPaths("Harbor & Pine Architects", new Date("2026-11-20T15:00:00Z"), "/clients");
    expect(paths).toEqual({
      audit: "/clients/harbor-pine-architects-2026-11-20.audit.json",
      pdf: "/clients/harbor-pine-architects-2026-11-20.pdf",
      html: "/clients/harbor-pine-architects-2026-11-20.html",
      json: "/clients/harbor-pine-architects-2026-11-20.assessment.json",
      csv: "/clients/harbor-pine-architects-2026-11-20.csv",
    });
  });

  it("passes the scan flags to the scan and the report flags to the report (nothing is scanned here)", async () => {
    const audit = { client: { name: "Acme Dental" } } as Audit;
    const scan = vi.fn(async () => ({ audit, outPath: "/out/acme-dental-2026-11-20.audit.json" }));
    const report = vi.fn(async () => ({ assessment: {} as never, written: [], htmlMs: 1 }));
    await runAssess(
      ["192.168.50.0/24"],
      {
        client: "Acme Dental",
        yes: true,
        rate: 100,
        exclude: ["192.168.50.9"],
        authorizedBy: "Dr Lee",
        brand: "b.yaml",
        answers: "a.yaml",
        pricing: "p.yaml",
        asOf: "2026-11-20",
        dir: "/out",
        html: true,
      },
      quiet,
      {
        scan: scan as never,
        report: report as never,
        checkInputs: async () => undefined,
        today: () => new Date("2026-11-20T09:00:00Z"),
      },
    );
    expect(scan).toHaveBeenCalledWith(
      ["192.168.50.0/24"],
      {
        client: "Acme Dental",
        yes: true,
        rate: 100,
        exclude: ["192.168.50.9"],
        authorizedBy: "Dr Lee",
        out: "/out/acme-dental-2026-11-20.audit.json",
      },
      quiet,
    );
    expect(report).toHaveBeenCalledWith(
      audit,
      {
        brand: "b.yaml",
        answers: "a.yaml",
        pricing: "p.yaml",
        asOf: "2026-11-20",
        previous: undefined,
        quiet: undefined,
        useStore: true,
      },
      {
        pdf: "/out/acme-dental-2026-11-20.pdf",
        html: "/out/acme-dental-2026-11-20.html",
        json: "/out/acme-dental-2026-11-20.assessment.json",
        csv: "/out/acme-dental-2026-11-20.csv",
      },
      quiet,
    );
  });

  it("--no-html skips the HTML copy; no client is a usage error before anything runs", async () => {
    const scan = vi.fn(async () => ({ audit: {} as Audit, outPath: "x" }));
    const report = vi.fn(async () => ({ assessment: {} as never, written: [], htmlMs: 1 }));
    await runAssess([], { client: "X", html: false }, quiet, {
      scan: scan as never,
      report: report as never,
      checkInputs: async () => undefined,
    });
    expect(Object.keys((report.mock.calls[0] as unknown[])[2] as object)).toEqual(["pdf", "json", "csv"]);
    await expect(runAssess([], { client: " " }, quiet, { scan: scan as never })).rejects.toBeInstanceOf(
      UsageError,
    );
    expect(scan).toHaveBeenCalledTimes(1);
  });
});

describe("sweetspot report outputs", () => {
  it("defaults to a PDF named after the audit when no output is asked for", () => {
    expect(reportTargets({}, "office.pdf").pdf).toMatch(/\/office\.pdf$/);
    expect(reportTargets({ json: "a.json" }, "office.pdf")).toEqual({
      json: expect.stringMatching(/\/a\.json$/),
    });
  });

  it("refuses two outputs with the same name", () => {
    expect(() => reportTargets({ out: "r.pdf", html: "r.pdf" }, "x.pdf")).toThrow(UsageError);
  });
});
