import { describe, expect, it } from "vitest";
import { barChartSvg } from "../../../report/render/svg/bar-chart.js";
import { gaugeSvg } from "../../../report/render/svg/gauge.js";
import { networkMapSvg } from "../../../report/render/svg/network-map.js";

const EVIL = `<script>alert(1)</script>"' onload="x" &amp;`;

/** Text the SVG would show: a parser-free check that no markup from the data survives. */
function assertNoInjectedMarkup(svg: string) {
  expect(svg).not.toContain("<script");
  expect(svg).not.toMatch(/\son\w+="/);
  expect(svg).toContain("&lt;script&gt;");
  expect(svg.startsWith("<svg ")).toBe(true);
  // Every tag is one we emit.
  const tags = new Set([...svg.matchAll(/<\/?([a-zA-Z]+)/g)].map((m) => m[1]));
  for (const tag of tags) expect(["svg", "path", "text", "rect", "line"]).toContain(tag);
}

describe("SVG charts escape every text node", () => {
  it("gauge", () => {
    const svg = gaugeSvg({ value: 64, label: EVIL, color: "#123456" });
    assertNoInjectedMarkup(svg);
    expect(svg).toContain(">64<");
  });

  it("gauge clamps out-of-range values", () => {
    expect(gaugeSvg({ value: 250, label: "x", color: "#000" })).toContain(">100<");
    expect(gaugeSvg({ value: Number.NaN, label: "x", color: "#000" })).toContain(">0<");
  });

  it("bar chart", () => {
    const svg = barChartSvg([
      { label: EVIL, value: 3, color: "#111111" },
      { label: "Printers", value: 0, color: '"><script>' },
    ]);
    assertNoInjectedMarkup(svg);
    expect(svg).not.toContain('"><script>');
  });

  it("network map, including long names cut to fit their boxes", () => {
    const svg = networkMapSvg({
      internet: { label: EVIL, detail: EVIL },
      gateway: { label: EVIL },
      switches: [{ label: EVIL, detail: "A".repeat(10_000) }],
      groups: [{ label: EVIL, count: 3, examples: [EVIL, "B".repeat(10_000)], color: "#2a9d8f" }],
    });
    assertNoInjectedMarkup(svg);
    expect(svg.length).toBeLessThan(6000);
  });
});
