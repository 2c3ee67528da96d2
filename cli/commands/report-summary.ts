import type { Assessment } from "../../schema/assessment.js";

/** What the summary line says about a report: small and plain, so a worker can send it. */
export interface VerdictSummary {
  client: string;
  verdict: Assessment["verdict"];
  fit: number;
  risk: number;
  devices: number;
  openFindings: number;
}

/** A finished report: its verdict, the files written and each stage's time. */
export interface ReportOutcome {
  summary: VerdictSummary;
  written: string[];
  analyseMs: number;
  htmlMs: number;
  pdfMs?: number;
  pages?: number;
  refusedRequests?: number;
}

export function verdictSummary(assessment: Assessment): VerdictSummary {
  return {
    client: assessment.client.name,
    verdict: assessment.verdict,
    fit: assessment.scores.fit,
    risk: assessment.scores.risk,
    devices: assessment.devices.length,
    openFindings: assessment.findings.filter((finding) => finding.status === "open").length,
  };
}

export function summaryLine(outcome: Pick<ReportOutcome, "summary" | "written" | "pages">): string {
  return [
    `${outcome.summary.client}: ${verdictLine(outcome)}`,
    ...outcome.written.map((path) => `wrote ${path}`),
  ].join("\n");
}

/** "sweet-spot (fit 80, risk 66), 20 devices, 12 open findings, 19 pages" */
export function verdictLine(outcome: Pick<ReportOutcome, "summary" | "pages">): string {
  const s = outcome.summary;
  const pages = outcome.pages ? `, ${outcome.pages} pages` : "";
  return `${s.verdict} (fit ${Math.round(s.fit)}, risk ${Math.round(s.risk)}), ${s.devices} devices, ${s.openFindings} open findings${pages}`;
}
