import { safeText, xmlEscape } from "../safe-text.js";

export interface MapNode {
  label: string;
  detail?: string;
}
export interface MapGroup {
  label: string;
  count: number;
  /** A few example names, already capped. */
  examples: string[];
  color: string;
}
export interface NetworkMapInput {
  internet: MapNode;
  gateway: MapNode;
  switches: MapNode[];
  groups: MapGroup[];
}

const WIDTH = 680;
const BOX_W = 150;
const BOX_H = 50;
const ROW_GAP = 14;
const PER_ROW = 4;

/**
 * The office at a glance: internet → gateway/firewall → switch(es) → one box per device role.
 * A drawing of what was seen, not a cabling diagram (the scan cannot see which port is where).
 */
export function networkMapSvg(input: NetworkMapInput): string {
  const parts: string[] = [];
  const centre = WIDTH / 2;
  const node = (
    x: number,
    y: number,
    w: number,
    h: number,
    n: MapNode,
    fill: string,
    stroke: string,
    text: string,
  ) => {
    parts.push(
      `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="6" fill="${fill}" stroke="${stroke}" stroke-width="1.2"/>`,
    );
    const title = short(n.label, 26);
    const detail = n.detail ? short(n.detail, 30) : "";
    const ty = detail ? y + h / 2 - 3 : y + h / 2 + 4;
    parts.push(
      `<text x="${x + w / 2}" y="${ty}" text-anchor="middle" font-size="12" font-weight="700" fill="${text}">${xmlEscape(title)}</text>`,
    );
    if (detail)
      parts.push(
        `<text x="${x + w / 2}" y="${ty + 15}" text-anchor="middle" font-size="10" fill="${text}" opacity="0.85">${xmlEscape(detail)}</text>`,
      );
  };
  const line = (x1: number, y1: number, x2: number, y2: number) =>
    parts.push(`<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#8895a5" stroke-width="1.5"/>`);

  node(centre - 110, 4, 220, 34, input.internet, "#f4f6f8", "#b8c2cc", "#3a4654");
  line(centre, 38, centre, 54);
  node(centre - 130, 54, 260, 40, input.gateway, "#1f3a5f", "#1f3a5f", "#ffffff");
  line(centre, 94, centre, 112);

  const switches = input.switches.length
    ? input.switches.slice(0, 3)
    : [{ label: "Switching", detail: "not identified" }];
  const swW = 190;
  const swGap = 20;
  const swTotal = switches.length * swW + (switches.length - 1) * swGap;
  const swStart = centre - swTotal / 2;
  if (switches.length > 1) line(swStart + swW / 2, 112, swStart + swTotal - swW / 2, 112);
  switches.forEach((sw, i) => {
    const x = swStart + i * (swW + swGap);
    line(x + swW / 2, 112, x + swW / 2, 116);
    node(x, 116, swW, 38, sw, "#e8eef5", "#9fb3c8", "#1d2733");
  });

  const groups = input.groups;
  const gap = (WIDTH - PER_ROW * BOX_W) / (PER_ROW + 1);
  const busY = 168;
  const firstRowY = 182;
  if (groups.length) {
    line(centre, 154, centre, busY);
    const cols = Math.min(PER_ROW, groups.length);
    const firstX = gap + BOX_W / 2;
    const lastX = gap + (cols - 1) * (BOX_W + gap) + BOX_W / 2;
    line(Math.min(firstX, centre), busY, Math.max(lastX, centre), busY);
  }
  groups.forEach((group, i) => {
    const row = Math.floor(i / PER_ROW);
    const col = i % PER_ROW;
    const x = gap + col * (BOX_W + gap);
    const y = firstRowY + row * (BOX_H + ROW_GAP);
    if (row === 0) line(x + BOX_W / 2, busY, x + BOX_W / 2, y);
    else
      parts.push(
        `<line x1="${x + BOX_W / 2}" y1="${y - ROW_GAP}" x2="${x + BOX_W / 2}" y2="${y}" stroke="#c3ccd6" stroke-width="1" stroke-dasharray="3 3"/>`,
      );
    parts.push(
      `<rect x="${x}" y="${y}" width="${BOX_W}" height="${BOX_H}" rx="6" fill="#ffffff" stroke="#c3ccd6" stroke-width="1.2"/>`,
    );
    parts.push(
      `<rect x="${x}" y="${y}" width="6" height="${BOX_H}" rx="3" fill="${xmlEscape(group.color)}"/>`,
    );
    parts.push(
      `<text x="${x + 16}" y="${y + 18}" font-size="11.5" font-weight="700" fill="#1d2733">${xmlEscape(short(group.label, 17))}</text>`,
    );
    parts.push(
      `<text x="${x + BOX_W - 10}" y="${y + 19}" text-anchor="end" font-size="14" font-weight="700" fill="#1d2733">${xmlEscape(group.count)}</text>`,
    );
    group.examples.slice(0, 2).forEach((example, k) => {
      parts.push(
        `<text x="${x + 16}" y="${y + 32 + k * 11}" font-size="9" fill="#5b6775">${xmlEscape(short(example, 28))}</text>`,
      );
    });
  });
  const rows = Math.ceil(groups.length / PER_ROW);
  const height = groups.length ? firstRowY + rows * (BOX_H + ROW_GAP) - ROW_GAP + 4 : 160;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="Network map">${parts.join("")}</svg>`;
}

function short(text: string, max: number): string {
  return safeText(text, max);
}
