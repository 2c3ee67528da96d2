import { FailError } from "../../lib/errors.js";
import type { CheckResult, CheckStatus, DoctorCheck, DoctorProbes } from "./check.js";

export interface DoctorReport {
  results: { check: DoctorCheck; result: CheckResult }[];
  /** Required checks that failed. */
  missing: CheckResult[];
}

/** Runs every check (concurrently; printed in list order). A check that throws counts as failed. */
export async function runDoctor(checks: DoctorCheck[], probes: DoctorProbes): Promise<DoctorReport> {
  const results = await Promise.all(
    checks.map(async (check) => {
      try {
        return { check, result: await check.run(probes) };
      } catch (error) {
        const reason = (error as Error)?.message?.split("\n")[0] ?? String(error);
        const result: CheckResult = {
          id: check.id,
          status: "fail",
          message: `${check.id}: the check itself failed (${reason})`,
        };
        return { check, result };
      }
    }),
  );
  const missing = results
    .filter(({ check, result }) => check.required && result.status === "fail")
    .map((r) => r.result);
  return { results, missing };
}

const MARKS: Record<CheckStatus, string> = { ok: "✓", fail: "✗", warn: "!", info: "·" };

/** The lines doctor prints: one per check, and under each ✗ or ! how to install or fix it. */
export function formatDoctor(report: DoctorReport): string[] {
  const lines: string[] = [];
  for (const { result } of report.results) {
    lines.push(`${MARKS[result.status]} ${result.message}`);
    if (result.install && (result.status === "fail" || result.status === "warn")) {
      lines.push(`    Debian/Ubuntu: ${result.install.debian}`);
      lines.push(`    macOS:         ${result.install.macos}`);
      lines.push(`    Windows:       ${result.install.windows}`);
    }
  }
  lines.push("");
  lines.push(
    report.missing.length === 0
      ? "Ready: everything sweetspot needs is here."
      : `Missing: ${report.missing.map((r) => r.id).join(", ")} (install commands above).`,
  );
  return lines;
}

/** The doctor command: prints the report; a missing required piece is a failure (exit 1). */
export async function doctor(
  checks: DoctorCheck[],
  probes: DoctorProbes,
  write: (text: string) => void,
): Promise<void> {
  const report = await runDoctor(checks, probes);
  write(`${formatDoctor(report).join("\n")}\n`);
  if (report.missing.length) {
    const ids = report.missing.map((r) => r.id).join(", ");
    throw new FailError(
      `doctor: ${report.missing.length} required check${report.missing.length > 1 ? "s" : ""} failed (${ids})`,
      "install what is missing, then run sweetspot doctor again",
    );
  }
}
