import { type Changes, SEVERITIES } from "../../schema/assessment.js";
import { xmlEscape as escapeXml } from "../render/safe-text.js";

type HistoryPoint = Changes["history"][number];

export interface TrendChartOptions {
  width?: number;
  /** Shown above the chart, e.g. the client's name. */
  title?: string;
}

/** Print-friendly colours, readable in greyscale too (the lines also differ in dash and marker). */
export const SERIES_STYLE = {
  fit: { label: "Fit score", color: "#1f5fa8" },
  risk: { label: "Risk score", color: "#c0392b" },
  devices: { label: "Devices", color: "#7f8c8d" },
  critical: { label: "Critical", color: "#7b1010" },
  high: { label: "High", color: "#d35400" },
  medium: { label: "Medium", color: "#e6a117" },
  low: { label: "Low", color: "#5d9cec" },
  info: { label: "Info", color: "#bdc3c7" },
} as const;

const PANEL_HEIGHT = 100;
const PANEL_GAP = 58;
const LEFT = 44;
const RIGHT = 16;
const TOP = 34;

/**
 * Trend charts over every audit of a client, as one self-contained SVG string built in Node
 * (no script in the page): fit and risk as lines (0–100), device count as bars, open findings
 * as bars stacked by severity. Every text node is XML-escaped.
 */
export function buildTrendChart(history: HistoryPoint[], options: TrendChartOptions = {}): string {
  const width = options.width ?? 720;
  const plotWidth = width - LEFT - RIGHT;
  const titleOffset = options.title ? 22 : 0;
  const panelTop = (index: number) => titleOffset + TOP + index * (PANEL_HEIGHT + PANEL_GAP);
  const height = panelTop(3) - PANEL_GAP + 30;
  const slot = plotWidth / Math.max(history.length, 1);
  const xAt = (i: number) => LEFT + slot * (i + 0.5);
  const days = history.map((point) => shortDate(point.startedAt));
  // Two audits on one day (a re-scan) are told apart by their time.
  const labels = days.map((day, i) =>
    days.indexOf(day) !== days.lastIndexOf(day) ? `${day} ${history[i]!.startedAt.slice(11, 16)}` : day,
  );

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="trend-chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" font-family="Helvetica, Arial, sans-serif" font-size="11">`,
  );
  parts.push(
    `<title>${escapeXml(`Trends over ${history.length} assessment${history.length === 1 ? "" : "s"}`)}</title>`,
  );
  if (options.title) {
    parts.push(
      `<text x="${LEFT}" y="16" font-size="14" font-weight="bold" fill="#222">${escapeXml(options.title)}</text>`,
    );
  }

  // Panel 1: scores.
  const top1 = panelTop(0);
  parts.push(panelFrame(top1, plotWidth, "Scores (0–100)", [SERIES_STYLE.fit, SERIES_STYLE.risk], width));
  parts.push(axis(top1, plotWidth, 100));
  for (const key of ["fit", "risk"] as const) {
    const style = SERIES_STYLE[key];
    const points = history.map((point, i) => ({
      x: xAt(i),
      y: top1 + PANEL_HEIGHT * (1 - clamp(point[key], 0, 100) / 100),
      v: point[key],
    }));
    const dash = key === "risk" ? ` stroke-dasharray="6 3"` : "";
    parts.push(`<g class="series" data-series="${key}">`);
    if (points.length > 1) {
      parts.push(
        `<polyline fill="none" stroke="${style.color}" stroke-width="2.5"${dash} points="${points.map((p) => `${fmt(p.x)},${fmt(p.y)}`).join(" ")}"/>`,
      );
    }
    for (const p of points) {
      parts.push(
        key === "fit"
          ? `<circle cx="${fmt(p.x)}" cy="${fmt(p.y)}" r="4" fill="${style.color}"/>`
          : `<rect x="${fmt(p.x - 4)}" y="${fmt(p.y - 4)}" width="8" height="8" fill="${style.color}"/>`,
      );
      // The higher of the two lines is labelled above its point, the lower one below, so they never collide.
      const other = history[points.indexOf(p)]![key === "fit" ? "risk" : "fit"];
      const above = p.v > other || (p.v === other && key === "fit");
      const labelY = above ? p.y - 8 : p.y + 16;
      parts.push(
        `<text x="${fmt(p.x + 7)}" y="${fmt(labelY)}" fill="${style.color}">${escapeXml(Math.round(p.v))}</text>`,
      );
    }
    parts.push("</g>");
  }

  // Panel 2: devices.
  const top2 = panelTop(1);
  const maxDevices = niceMax(Math.max(1, ...history.map((p) => p.devices)));
  const barWidth = Math.min(48, slot * 0.5);
  parts.push(panelFrame(top2, plotWidth, "Devices found", [SERIES_STYLE.devices], width));
  parts.push(axis(top2, plotWidth, maxDevices));
  parts.push(`<g class="series" data-series="devices">`);
  history.forEach((point, i) => {
    const h = (PANEL_HEIGHT * point.devices) / maxDevices;
    const y = top2 + PANEL_HEIGHT - h;
    parts.push(
      `<rect x="${fmt(xAt(i) - barWidth / 2)}" y="${fmt(y)}" width="${fmt(barWidth)}" height="${fmt(h)}" fill="${SERIES_STYLE.devices.color}"/>`,
    );
    parts.push(
      `<text x="${fmt(xAt(i))}" y="${fmt(y - 4)}" text-anchor="middle" fill="#333">${escapeXml(point.devices)}</text>`,
    );
  });
  parts.push("</g>");

  // Panel 3: open findings, stacked by severity (most severe at the bottom).
  const top3 = panelTop(2);
  const totals = history.map((p) => SEVERITIES.reduce((sum, s) => sum + (p.openFindings[s] ?? 0), 0));
  const maxFindings = niceMax(Math.max(1, ...totals));
  parts.push(
    panelFrame(
      top3,
      plotWidth,
      "Open findings by severity",
      SEVERITIES.map((s) => SERIES_STYLE[s]),
      width,
    ),
  );
  parts.push(axis(top3, plotWidth, maxFindings));
  const stacked = history.map(() => 0);
  for (const severity of SEVERITIES) {
    parts.push(`<g class="series" data-series="findings-${severity}">`);
    history.forEach((point, i) => {
      const count = point.openFindings[severity] ?? 0;
      if (count === 0) return;
      const h = (PANEL_HEIGHT * count) / maxFindings;
      const y = top3 + PANEL_HEIGHT - (PANEL_HEIGHT * stacked[i]!) / maxFindings - h;
      stacked[i] = stacked[i]! + count;
      parts.push(
        `<rect x="${fmt(xAt(i) - barWidth / 2)}" y="${fmt(y)}" width="${fmt(barWidth)}" height="${fmt(h)}" fill="${SERIES_STYLE[severity].color}"><title>${escapeXml(`${count} ${severity}`)}</title></rect>`,
      );
    });
    parts.push("</g>");
  }
  history.forEach((_, i) => {
    const y = top3 + PANEL_HEIGHT - (PANEL_HEIGHT * totals[i]!) / maxFindings;
    parts.push(
      `<text x="${fmt(xAt(i))}" y="${fmt(y - 4)}" text-anchor="middle" fill="#333">${escapeXml(totals[i]!)}</text>`,
    );
  });

  // Dates under every panel, so each panel reads on its own.
  for (const top of [top1, top2, top3]) {
    labels.forEach((label, i) => {
      parts.push(
        `<text x="${fmt(xAt(i))}" y="${fmt(top + PANEL_HEIGHT + 14)}" text-anchor="middle" fill="#555">${escapeXml(label)}</text>`,
      );
    });
  }
  parts.push("</svg>");
  return parts.join("");
}

// --- internal ---

function panelFrame(
  top: number,
  plotWidth: number,
  title: string,
  legend: Array<{ label: string; color: string }>,
  width: number,
): string {
  const out = [
    `<text x="${LEFT}" y="${fmt(top - 12)}" font-weight="bold" fill="#222">${escapeXml(title)}</text>`,
  ];
  // Legend right-aligned above the panel.
  let x = width - RIGHT;
  for (const item of [...legend].reverse()) {
    const textWidth = item.label.length * 6 + 4;
    x -= textWidth;
    out.push(`<text x="${fmt(x)}" y="${fmt(top - 12)}" fill="#333">${escapeXml(item.label)}</text>`);
    x -= 14;
    out.push(`<rect x="${fmt(x)}" y="${fmt(top - 21)}" width="10" height="10" fill="${item.color}"/>`);
    x -= 10;
  }
  out.push(
    `<rect x="${LEFT}" y="${fmt(top)}" width="${fmt(plotWidth)}" height="${PANEL_HEIGHT}" fill="none" stroke="#ddd"/>`,
  );
  return out.join("");
}

function axis(top: number, plotWidth: number, max: number): string {
  const out: string[] = [];
  for (const fraction of [0, 0.5, 1]) {
    const y = top + PANEL_HEIGHT * (1 - fraction);
    out.push(
      `<line x1="${LEFT}" x2="${fmt(LEFT + plotWidth)}" y1="${fmt(y)}" y2="${fmt(y)}" stroke="#eee"/>`,
    );
    out.push(
      `<text x="${LEFT - 6}" y="${fmt(y + 4)}" text-anchor="end" fill="#777">${escapeXml(Math.round(max * fraction))}</text>`,
    );
  }
  return out.join("");
}

/**
 * An axis maximum with room above the tallest bar for its label, rounded so the middle
 * gridline is a whole number.
 */
function niceMax(tallest: number): number {
  const value = tallest * 1.15;
  if (value <= 4) return 4;
  const step = value <= 20 ? 2 : value <= 50 ? 10 : 20;
  return Math.ceil(value / step) * step;
}

function shortDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso.slice(0, 10);
  return date.toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
