import type { Changes } from "../../schema/assessment.js";
import { deepSafe } from "../render/safe-text.js";
import { toChangesView } from "./changes-view.js";

/** The terminal summary of a comparison: fixes first, then what is new, devices, scores. */
export function formatChangesText(
  rawChanges: Changes,
  clientName: string,
  currentStartedAt: string,
): string[] {
  const changes = deepSafe(rawChanges);
  const view = toChangesView(changes);
  const lines = [
    `${clientName}: ${changes.previous?.startedAt.slice(0, 10) ?? "?"} → ${currentStartedAt.slice(0, 10)}`,
    `Fixed since last time: ${view.fixedCount}   New: ${view.newCount}   Still open: ${view.persistingCount}`,
  ];
  for (const f of view.fixed)
    lines.push(`  ✓ fixed  ${f.title} [${f.id}]${f.hostsText ? ` ${f.hostsText}` : ""}`);
  for (const f of view.new)
    lines.push(`  + new    ${f.title} [${f.id}]${f.hostsText ? ` ${f.hostsText}` : ""}`);
  for (const f of view.goneWithDevice) {
    lines.push(`  - gone   ${f.title} [${f.id}] ${f.hostsText} (device not seen: not counted as fixed)`);
  }
  const d = changes.devices;
  lines.push(`Devices: ${d.added.length} added, ${d.removed.length} gone, ${d.changed.length} changed`);
  for (const line of view.devicesAdded) lines.push(`  + ${line.label} ${line.role}`);
  for (const line of view.devicesRemoved) lines.push(`  - ${line.label} ${line.role}`);
  for (const line of view.devicesChanged) lines.push(`  ~ ${line.label}: ${line.details.join("; ")}`);
  lines.push(view.scores.map((s) => `${s.label} ${s.before} → ${s.after} (${s.deltaText})`).join("   "));
  return lines;
}
