import { FailError } from "../../lib/errors.js";
import type { Assessment } from "../../schema/assessment.js";
import type { Audit } from "../../schema/audit.js";
import { analyze } from "../analyze/analyze.js";
import type { Brand } from "../brand/brand-schema.js";
import { renderPdf } from "../render/pdf.js";

/** The Assessment of a stored or given audit, with the default pricing and no interview answers. */
export function analyzeAudit(audit: Audit): Assessment {
  return analyze(audit);
}

/** Prints the change report through the report's own Chromium printer (JavaScript off, no requests). */
export async function printChangeReport(
  html: string,
  brand: Brand,
  clientName: string,
  onRefused: (count: number) => void = () => undefined,
): Promise<Uint8Array> {
  const result = await renderPdf(html, {
    paper: brand.paper,
    headerText: `Change report — ${clientName}`,
    footerText: `${brand.company} · ${brand.footer}`,
  });
  if (result.refusedRequests > 0) onRefused(result.refusedRequests);
  if (result.pdf.length === 0) throw new FailError("Chromium printed an empty PDF");
  return result.pdf;
}
