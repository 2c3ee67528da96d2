import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../../../lib/package-root.js";
import { DEFAULT_BRAND } from "../../../report/brand/default-brand.js";
import { renderHtml } from "../../../report/render/html.js";
import { HOSTILE, SECTION_HEADINGS, handMadeAssessment, hostileAssessment } from "./fixtures.js";

const escapeHtml = (s: string) =>
  s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#x27;");

describe("renderHtml", () => {
  const assessment = handMadeAssessment();
  const html = renderHtml(assessment, DEFAULT_BRAND);

  it("is one self-contained document with every section heading and every finding title", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    for (const heading of SECTION_HEADINGS)
      expect(html).toMatch(new RegExp(`<h2><span class="num">\\d+</span>${heading}</h2>`));
    for (const finding of assessment.findings) expect(html).toContain(escapeHtml(finding.title));
    expect(html).not.toMatch(/<link\b|<script\b|\bsrc="(?!data:)/i);
  });

  it("prints the client, verdict, domain and firewall vendor", () => {
    expect(html).toContain("Harbor &amp; Pine Architects");
    expect(html).toContain("Sweet-spot client");
    expect(html).toContain("harborpine.local");
    expect(html).toContain("Fortinet FortiGate 60E");
  });

  it("uses the brand's paper size and colours", () => {
    const a4 = renderHtml(assessment, {
      ...DEFAULT_BRAND,
      paper: "A4",
      colors: { primary: "#112233", accent: "#445566" },
    });
    expect(a4).toContain("@page { size: A4;");
    expect(a4).toContain("--brand-primary: #112233");
  });

  it("includes the changes partial after the executive summary when there are changes", () => {
    const withChanges = renderHtml(
      {
        ...assessment,
        changes: {
          devices: {
            added: [{ ip: "192.168.10.150", name: "WS-NEW", role: "workstation", details: [] }],
            removed: [],
            changed: [],
          },
          findings: {
            new: [],
            resolved: [
              {
                id: "smb1-enabled",
                title: "SMB1 file sharing is still enabled",
                severity: "critical",
                hosts: ["192.168.10.11"],
              },
            ],
            persisting: [],
          },
          scores: { fit: { before: 80, after: 82 }, risk: { before: 70, after: 64 } },
          history: [],
        },
      },
      DEFAULT_BRAND,
    );
    const summary = withChanges.indexOf('id="summary"');
    const since = withChanges.indexOf('id="since-last-assessment"');
    const environment = withChanges.indexOf('id="environment"');
    expect(summary).toBeGreaterThan(0);
    expect(since).toBeGreaterThan(summary);
    expect(environment).toBeGreaterThan(since);
    expect(html).not.toContain('id="since-last-assessment"');
  });
});

describe("hostile strings", () => {
  const html = renderHtml(hostileAssessment(), DEFAULT_BRAND);

  it("never reach the page as markup", () => {
    // The only <img> is none at all (default brand has no logo); the only <style> is ours.
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/\son\w+\s*=\s*["']?[a-z]/i);
    expect(html).not.toContain('http://127.0.0.1:9/leak.png"');
    expect(html).toContain("&lt;script&gt;document.title&#x3D;&#x27;pwned&#x27;&lt;/script&gt;");
    expect(html).toContain("&lt;img src&#x3D;x onerror&#x3D;&quot;alert(1)&quot;&gt;");
  });

  it("print template syntax as text instead of evaluating it", () => {
    expect(html).toContain("{{constructor.constructor(&#x27;alert(1)&#x27;)()}}");
    expect(html).toContain("{{{raw}}}");
  });

  it("are capped: network strings at 200 characters, rule prose at 1,200", () => {
    expect(html).not.toContain("A".repeat(1200));
    const inventory = html.slice(html.indexOf('id="inventory"'), html.indexOf('id="method"'));
    expect(inventory).toContain(`${"A".repeat(150)}`);
    expect(inventory).not.toContain("A".repeat(200));
  });

  it("lose control characters and invalid UTF-8", () => {
    expect(html).toContain("badA\ufffd\ufffd\ufffd(Bname\ufffd");
    expect(html).not.toMatch(/[\u0007\u001b\u202e]/);
    expect(html).not.toContain(HOSTILE.invalidUtf8);
  });
});

describe("templates", () => {
  it("use {{{…}}} only for our own SVG and stylesheet", () => {
    const dir = join(packageRoot(), "templates");
    const files = ["report.hbs", ...readdirSync(join(dir, "partials")).map((f) => join("partials", f))];
    for (const file of files) {
      const text = readFileSync(join(dir, file), "utf8");
      for (const match of text.matchAll(/\{\{\{\s*([^}\s]+)\s*\}\}\}/g)) {
        expect(match[1], `${file}: {{{${match[1]}}}}`).toMatch(/(^css$|Svg$)/);
      }
      expect(text, file).not.toMatch(/<script/i);
    }
  });
});
