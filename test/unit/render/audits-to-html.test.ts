import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../../../lib/package-root.js";
import { analyze } from "../../../report/analyze/analyze.js";
import { DEFAULT_BRAND } from "../../../report/brand/default-brand.js";
import { renderHtml } from "../../../report/render/html.js";
import { VERDICT_LABELS } from "../../../report/render/labels.js";
import { type Audit, AuditSchema } from "../../../schema/audit.js";
import { HOSTILE } from "./fixtures.js";

const root = packageRoot();
const readAudit = (...path: string[]): Audit =>
  AuditSchema.parse(JSON.parse(readFileSync(join(root, ...path), "utf8")));
const escapeHtml = (s: string) =>
  s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#x27;");

describe("audits through analyze() into the report", () => {
  it.each([
    ["report/samples/office.audit.json"],
    ["test/fixtures/audits/rules-office.audit.json"],
    ["test/fixtures/audits/hand-made-harbor-pine.audit.json"],
    ["test/fixtures/audits/rules-shop.audit.json"],
  ])("%s: client, verdict, directory, firewall and every finding title are printed", (path) => {
    const assessment = analyze(readAudit(path));
    const html = renderHtml(assessment, DEFAULT_BRAND);
    expect(html).toContain(escapeHtml(assessment.client.name));
    expect(html).toContain(VERDICT_LABELS[assessment.verdict].label);
    if (assessment.environment.directory.name)
      expect(html).toContain(escapeHtml(assessment.environment.directory.name));
    if (assessment.environment.firewall.vendor)
      expect(html).toContain(escapeHtml(assessment.environment.firewall.vendor));
    for (const finding of assessment.findings) expect(html).toContain(escapeHtml(finding.title));
  });

  it("a hostile audit (names, banners, titles, SNMP strings) renders as escaped, capped text", () => {
    const audit = readAudit("report/samples/office.audit.json");
    audit.client.name = `ACME ${HOSTILE.script}`;
    for (const [i, host] of audit.hosts.entries()) {
      host.hostnames = [{ name: i % 2 ? HOSTILE.script : `${HOSTILE.long}.local`, type: "PTR" }];
      host.vendor = HOSTILE.img;
      for (const service of host.services) {
        service.product = HOSTILE.probe;
        service.version = HOSTILE.mustache;
        service.banner = HOSTILE.invalidUtf8;
        service.scripts = { ...service.scripts, "http-title": { output: HOSTILE.script } };
      }
      if (host.snmp) host.snmp.sysDescr = `${HOSTILE.long}${HOSTILE.script}`;
    }
    audit.directory.domains[0] = {
      ...audit.directory.domains[0]!,
      dnsName: HOSTILE.probe,
      netbiosName: HOSTILE.triple,
    };
    const html = renderHtml(analyze(audit), DEFAULT_BRAND);
    expect(html).not.toMatch(/<script|<img|<link/i);
    expect(html).not.toMatch(/\son\w+\s*=\s*["']?[a-z]/i);
    expect(html).toContain("ACME &lt;script&gt;");
    expect(html).not.toContain("A".repeat(1200));
    expect(html).not.toMatch(/[\u0007\u001b]/);
  });
});
