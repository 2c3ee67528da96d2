import { describe, expect, it } from "vitest";
import { buildChanges } from "../../../report/history/build-changes.js";
import { toChangesView } from "../../../report/history/changes-view.js";
import { threeQuarters } from "../../fixtures/history/three-quarters.js";
import { buildTrendChart } from "../../../report/history/trend-chart.js";

const history = [
  {
    startedAt: "2026-02-10T09:00:00Z",
    devices: 14,
    fit: 55,
    risk: 72,
    openFindings: { critical: 1, high: 4, medium: 3, low: 1, info: 0 },
  },
  {
    startedAt: "2026-05-12T09:00:00Z",
    devices: 16,
    fit: 61,
    risk: 58,
    openFindings: { critical: 0, high: 3, medium: 3, low: 2, info: 1 },
  },
  {
    startedAt: "2026-08-11T09:00:00Z",
    devices: 17,
    fit: 66,
    risk: 41,
    openFindings: { critical: 0, high: 1, medium: 2, low: 2, info: 1 },
  },
];

describe("buildTrendChart", () => {
  it("draws one series per metric: fit, risk, devices and each severity", () => {
    const svg = buildTrendChart(history);
    const series = [...svg.matchAll(/data-series="([^"]+)"/g)].map((m) => m[1]);
    expect(series).toEqual([
      "fit",
      "risk",
      "devices",
      "findings-critical",
      "findings-high",
      "findings-medium",
      "findings-low",
      "findings-info",
    ]);
    expect(svg.match(/<polyline /g)).toHaveLength(2);
    for (const date of ["10 Feb 2026", "12 May 2026", "11 Aug 2026"])
      expect(svg).toContain(`>${date}</text>`);
  });

  it("escapes every text it prints, so a hostile client name or date cannot inject markup", () => {
    const svg = buildTrendChart([{ ...history[0]!, startedAt: `<script>alert(1)</script>` }, history[1]!], {
      title: `Evil "Corp" <img src=x onerror=alert(1)> & Co`,
    });
    expect(svg).not.toContain("<script");
    expect(svg).not.toContain("<img");
    expect(svg).toContain("Evil &quot;Corp&quot; &lt;img src=x onerror=alert(1)&gt; &amp; Co");
    // Still well-formed: every opened element is closed.
    const opened = (svg.match(/<(?!\/)[a-z]+[^>]*[^/]>/g) ?? []).length;
    const closed = (svg.match(/<\/[a-z]+>/g) ?? []).length;
    expect(opened).toBe(closed);
  });

  it("tells two audits of the same day apart by their time", () => {
    const svg = buildTrendChart([history[0]!, { ...history[1]!, startedAt: "2026-02-10T15:30:00Z" }]);
    expect(svg).toContain(">10 Feb 2026 09:00</text>");
    expect(svg).toContain(">10 Feb 2026 15:30</text>");
  });

  it("stacks open findings by severity to the total", () => {
    const svg = buildTrendChart(history);
    // totals 9, 9, 6 printed above the stacks
    expect(svg.match(/>9<\/text>/g)?.length).toBeGreaterThanOrEqual(2);
    expect(svg).toContain(">6</text>");
  });
});

describe("three quarters of one client", () => {
  it("the change report of the third compares with the second and charts all three", () => {
    const [q1, q2, q3] = threeQuarters();
    const view = toChangesView(buildChanges([q1, q2], q3));
    expect(view.visits).toBe(3);
    expect(view.fixed.map((f) => f.id)).toEqual(["no-offsite-backup", "rdp-exposed", "smb1-enabled"]);
    expect(view.goneWithDevice.map((f) => `${f.id} ${f.hostsText}`)).toEqual(["telnet-open on 10.9.0.40"]);
    expect(view.new.map((f) => f.id)).toEqual(["no-ups-detected"]);
    expect(view.devicesChanged).toEqual([
      expect.objectContaining({ label: "PC-5 (10.9.0.133)", details: ["address 10.9.0.105 → 10.9.0.133"] }),
    ]);
    expect(view.trendChartSvg.match(/<circle /g)).toHaveLength(3);
    for (const date of ["10 Feb 2026", "12 May 2026", "11 Aug 2026"])
      expect(view.trendChartSvg).toContain(`>${date}</text>`);
  });
});
