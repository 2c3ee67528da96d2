import { describe, expect, it } from "vitest";
import { DEFAULT_BRAND } from "../../../report/brand/default-brand.js";
import { buildChanges } from "../../../report/history/build-changes.js";
import { renderChangeReportHtml } from "../../../report/history/change-report-html.js";
import { assessment, device, finding } from "../../fixtures/history/build.js";

const before = assessment({
  startedAt: "2026-02-10T09:00:00Z",
  devices: [
    device("10.9.0.10", "file-server", { mac: "00:15:5d:00:00:10", name: "FS01" }),
    device("10.9.0.40", "ups", { mac: "00:c0:b7:00:00:40", name: "ups1" }),
  ],
  findings: [finding("smb1-enabled", ["10.9.0.10"], "high"), finding("telnet-open", ["10.9.0.40"], "medium")],
  fit: 60,
  risk: 55,
});
const after = assessment({
  startedAt: "2026-05-12T09:00:00Z",
  devices: [
    device("10.9.0.10", "file-server", { mac: "00:15:5d:00:00:10", name: "FS01" }),
    device("10.9.0.77", "workstation", { mac: "00:1a:a0:00:00:77", name: `<img src=x onerror=alert(1)>` }),
  ],
  findings: [finding("no-ups-detected", [], "medium", { title: `No UPS <script>alert(1)</script>` })],
  fit: 63,
  risk: 44,
});

describe("change report HTML", () => {
  it("shows fixes prominently and apart from new findings, with every network string escaped", async () => {
    const html = await renderChangeReportHtml({
      changes: buildChanges([before], after),
      client: { name: `Dental & "Co" <b>` },
      brand: DEFAULT_BRAND,
      currentStartedAt: after.audit.startedAt,
    });
    const text = html
      .replace(/<style>[\s\S]*?<\/style>/g, "")
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ");
    expect(text).toContain("Fixed since last time: 1");
    expect(text).toContain("New: 1");
    expect(text).toContain("Still open: 0");
    expect(text).toContain(
      "1 finding fixed since last time; 1 new; 0 still open; 1 no longer seen because its device is gone.",
    );
    expect(text).toContain(
      "Fixed since last time (1) ✓ high Title of smb1-enabled on 10.9.0.10 New since last time (1)",
    );
    expect(text).toContain("No longer seen because the device is gone (1)");
    expect(text).toMatch(/– medium Title of telnet-open on 10\.9\.0\.40/);
    expect(text).toContain("gone ups1 (10.9.0.40) ups not seen this time");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt; (10.9.0.77)");
    expect(html).toContain("Dental &amp; &quot;Co&quot; &lt;b&gt;");
    expect(html).toContain('data-series="risk"');
  });
});
