import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "../../../report/analyze/analyze.js";
import { DEFAULT_BRAND } from "../../../report/brand/default-brand.js";
import { inventoryCsv } from "../../../report/render/csv-inventory.js";
import { renderHtml } from "../../../report/render/html.js";
import { type Audit, AuditSchema } from "../../../schema/audit.js";

/**
 * Property test of the whole report path without a browser: hostile text put into every field a
 * device controls (host names, NetBIOS names, SNMP strings, service products, script output)
 * goes through analyze() and the templates and comes out inert — no element, attribute or URL it
 * could create, no lone surrogate, no control character — and the CSV never starts a formula.
 */
const audit0 = AuditSchema.parse(
  JSON.parse(readFileSync(join(process.cwd(), "test/fixtures/audits/hand-made-workgroup-office.audit.json"), "utf8")),
);

const PIECES = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(2)>",
  '"><svg onload=alert(3)>',
  "'><iframe src=http://203.0.113.1/>",
  "<link rel=stylesheet href=http://203.0.113.1/a.css>",
  "<style>@import url(http://203.0.113.1/b.css)</style>",
  "{{constructor.constructor('alert(4)')()}}",
  "{{{raw}}}",
  "{{> partial}}",
  "javascript:alert(5)",
  "=HYPERLINK(\"http://203.0.113.1\")",
  "+1-1",
  "@SUM(A1)",
  "\u001b[31m",
  "\u0000",
  "\uD800",
  "\uDFFF",
  "\u202E",
  "&lt;script&gt;",
  "]]>",
  "<!--",
];

const hostileText = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 12 }), fc.string({ unit: "binary", maxLength: 6 })), {
    minLength: 1,
    maxLength: 5,
  })
  .map((parts) => parts.join(""));

function withHostileText(texts: string[]): Audit {
  const audit = structuredClone(audit0);
  let i = 0;
  const next = () => texts[i++ % texts.length]!;
  for (const host of audit.hosts) {
    host.hostnames = [{ name: next(), type: "PTR" }];
    if (host.netbios) {
      host.netbios.name = next();
      for (const n of host.netbios.names ?? []) n.name = next();
    }
    host.snmp = { ...host.snmp, sysDescr: next(), sysName: next(), sysContact: next(), sysLocation: next() };
    for (const service of host.services) {
      service.product = next();
      service.version = next();
      service.extraInfo = next();
      for (const script of Object.values(service.scripts ?? {})) script.output = next();
    }
  }
  return audit;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe("hostile device text through analyze() and the report templates", () => {
  it("comes out inert in the HTML and the CSV", () => {
    fc.assert(
      fc.property(fc.array(hostileText, { minLength: 3, maxLength: 12 }), (texts) => {
        const audit = withHostileText(texts);
        const assessment = analyze(audit);
        const html = renderHtml(assessment, DEFAULT_BRAND);
        // Real tags start with a literal "<" (escaped text starts with "&lt;"): none may come from
        // the network — every hostile URL is 203.0.113.1 and every payload calls alert().
        const tags = html.match(/<[a-zA-Z][^>]*>/g) ?? [];
        for (const tag of tags) {
          expect(tag).not.toMatch(/^<(script|iframe|object|embed)\b/i);
          expect(tag).not.toMatch(/alert\(|203\.0\.113|javascript:/i);
          expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
        }
        expect(html).not.toMatch(/<style[^>]*>[^<]*(@import|203\.0\.113)/i);
        expect(html).not.toMatch(LONE_SURROGATE);
        // no C0 control characters but tab, line feed and carriage return
        expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
        const csv = inventoryCsv(assessment);
        // Parsed as a spreadsheet would (RFC 4180): a naive split on "," cuts quoted cells apart.
        const rows: string[][] = parseCsv(csv, { relax_column_count: false });
        expect(rows.length).toBe(assessment.devices.length + 1);
        for (const row of rows.slice(1)) {
          expect(row).toHaveLength(8);
          for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        }
      }),
      { numRuns: 40 },
    );
  });
});
