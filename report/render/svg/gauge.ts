import { xmlEscape } from "../safe-text.js";

export interface GaugeOptions {
  value: number;
  label: string;
  /** Colour of the filled arc. */
  color: string;
  width?: number;
}

/** A half-circle gauge 0–100, as an SVG string; every text node is XML-escaped. */
export function gaugeSvg(options: GaugeOptions): string {
  const width = options.width ?? 180;
  const value = Math.max(0, Math.min(100, Math.round(Number.isFinite(options.value) ? options.value : 0)));
  const cx = 90;
  const cy = 90;
  const r = 70;
  const stroke = 16;
  const end = polar(cx, cy, r, 180 - (value / 100) * 180);
  const start = polar(cx, cy, r, 180);
  const track = `M ${start.x} ${start.y} A ${r} ${r} 0 0 1 ${cx + r} ${cy}`;
  const fill = value > 0 ? `M ${start.x} ${start.y} A ${r} ${r} 0 0 1 ${end.x} ${end.y}` : "";
  const height = Math.round((width * 128) / 180);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 180 128" width="${width}" height="${height}" role="img" aria-label="${xmlEscape(`${options.label}: ${value} of 100`)}">`,
    `<path d="${track}" fill="none" stroke="#e3e7ec" stroke-width="${stroke}" stroke-linecap="round"/>`,
    fill
      ? `<path d="${fill}" fill="none" stroke="${xmlEscape(options.color)}" stroke-width="${stroke}" stroke-linecap="round"/>`
      : "",
    `<text x="${cx}" y="${cy - 6}" text-anchor="middle" font-size="34" font-weight="700" fill="#1d2733">${value}</text>`,
    `<text x="${cx}" y="${cy + 14}" text-anchor="middle" font-size="11" fill="#5b6775">of 100</text>`,
    `<text x="${cx}" y="${cy + 34}" text-anchor="middle" font-size="13" font-weight="700" fill="#1d2733">${xmlEscape(options.label)}</text>`,
    "</svg>",
  ].join("");
}

function polar(cx: number, cy: number, r: number, degrees: number): { x: number; y: number } {
  const rad = (degrees * Math.PI) / 180;
  return { x: round(cx + r * Math.cos(rad)), y: round(cy - r * Math.sin(rad)) };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
