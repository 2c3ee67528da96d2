import { xmlEscape } from "../safe-text.js";

export interface Bar {
  label: string;
  value: number;
  color: string;
}

/** Horizontal bars with the label on the left and the count at the bar's end. */
export function barChartSvg(bars: Bar[], options: { width?: number; title?: string } = {}): string {
  const width = options.width ?? 320;
  const labelWidth = 120;
  const rowHeight = 18;
  const barHeight = 12;
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const plotWidth = width - labelWidth - 40;
  const height = Math.max(rowHeight, bars.length * rowHeight) + 4;
  const rows = bars.map((bar, index) => {
    const y = index * rowHeight + 4;
    const length = bar.value > 0 ? Math.max(3, Math.round((bar.value / max) * plotWidth)) : 0;
    return [
      `<text x="${labelWidth - 8}" y="${y + barHeight - 2}" text-anchor="end" font-size="11" fill="#3a4654">${xmlEscape(bar.label)}</text>`,
      `<rect x="${labelWidth}" y="${y}" width="${length}" height="${barHeight}" rx="2" fill="${xmlEscape(bar.color)}"/>`,
      `<text x="${labelWidth + length + 6}" y="${y + barHeight - 2}" font-size="11" font-weight="700" fill="#1d2733">${xmlEscape(bar.value)}</text>`,
    ].join("");
  });
  const label = options.title ? ` aria-label="${xmlEscape(options.title)}"` : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img"${label}>${rows.join("")}</svg>`;
}
