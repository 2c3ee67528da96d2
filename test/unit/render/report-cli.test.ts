import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

/**
 * `sweetspot report` as a user runs it: the built CLI (bin/sweetspot.js → dist/; build first).
 * The audit is analysed in a worker thread and the PDF printed after it exits
 * (cli/commands/report-in-worker.ts): every output still lands, with the summary line.
 */
const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const BIN = join(ROOT, "bin/sweetspot.js");
const AUDIT = join(ROOT, "test/fixtures/audits/hand-made-workgroup-office.audit.json");
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const dir = mkdtempSync(join(tmpdir(), "sweetspot-report-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("sweetspot report", () => {
  it("writes the PDF, JSON and CSV and prints one summary naming them", () => {
    const out = { pdf: join(dir, "r.pdf"), json: join(dir, "r.json"), csv: join(dir, "r.csv") };
    const run = spawnSync(
      process.execPath,
      [BIN, "report", AUDIT, "--out", out.pdf, "--json", out.json, "--csv", out.csv, "--no-history", "-q"],
      { encoding: "utf8", timeout: 120_000 },
    );
    expect(run.status).toBe(0);
    const assessment = JSON.parse(readFileSync(out.json, "utf8")) as {
      client: { name: string };
      verdict: string;
      devices: unknown[];
    };
    const pages = Number(
      /^Pages:\s+(\d+)/m.exec(execFileSync("pdfinfo", [out.pdf], { encoding: "utf8" }))?.[1],
    );
    expect(run.stderr).toMatch(
      new RegExp(
        `^${escapeRegExp(assessment.client.name)}: ${assessment.verdict} \\(fit \\d+, risk \\d+\\), ${assessment.devices.length} devices, \\d+ open findings, ${pages} pages\\n`,
      ),
    );
    expect(run.stderr).toContain(`wrote ${out.json}\nwrote ${out.csv}\nwrote ${out.pdf} (`);
    expect(readFileSync(out.csv, "utf8").split("\n").length).toBeGreaterThan(assessment.devices.length);
    // The contents page is numbered (the print after the worker has gone still gets it).
    const contents = execFileSync("pdftotext", ["-f", "2", "-l", "2", "-layout", out.pdf, "-"], {
      encoding: "utf8",
    });
    expect(contents).toMatch(/^\s*1\s+Executive summary\s{2,}\d+\s*$/m);
  });

  it("a missing audit is one line and exit 2, and nothing is written", () => {
    const pdf = join(dir, "missing.pdf");
    const run = spawnSync(process.execPath, [BIN, "report", join(dir, "nope.audit.json"), "--out", pdf], {
      encoding: "utf8",
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("nope.audit.json");
    expect(existsSync(pdf)).toBe(false);
  });
});
