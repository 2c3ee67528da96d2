import type { Changes } from "../../schema/assessment.js";
import { buildTrendChart } from "./trend-chart.js";

type FindingChange = Changes["findings"]["new"][number];
type DeviceChange = Changes["devices"]["added"][number];

export interface FindingLine {
  id: string;
  title: string;
  severity: string;
  /** "on 10.0.0.5, 10.0.0.6" or "" for an office-wide finding. */
  hostsText: string;
}

export interface DeviceLine {
  label: string;
  role: string;
  ip: string;
  details: string[];
}

export interface DeltaLine {
  label: string;
  before: number;
  after: number;
  /** "+5", "−3" or "no change". */
  deltaText: string;
  /** better | worse | neutral: how the change reads for the client. */
  tone: "better" | "worse" | "neutral";
}

/** What templates/partials/changes.hbs prints: every string is final, the template only loops. */
export interface ChangesView {
  sinceDate: string;
  visits: number;
  fixedCount: number;
  newCount: number;
  persistingCount: number;
  /** One fair sentence: fixes first, then what is new. */
  progressLine: string;
  fixed: FindingLine[];
  new: FindingLine[];
  persisting: FindingLine[];
  /** Findings that left with a device not seen this time: listed, never counted as fixed. */
  goneWithDevice: FindingLine[];
  goneWithDeviceCount: number;
  scores: DeltaLine[];
  counts: DeltaLine[];
  devicesAdded: DeviceLine[];
  devicesRemoved: DeviceLine[];
  devicesChanged: DeviceLine[];
  hasDeviceChanges: boolean;
  /** Inline SVG built by trend-chart.ts; all its text is escaped there. */
  trendChartSvg: string;
}

const COUNT_LABELS: Record<string, string> = {
  devices: "Devices",
  workstations: "Workstations",
  servers: "Servers",
  printers: "Printers",
  networkDevices: "Network devices",
  openFindings: "Open findings",
};
// Counts where fewer is better for the client; the others are just facts.
const FEWER_IS_BETTER = new Set(["openFindings"]);

export function toChangesView(changes: Changes): ChangesView {
  const fixed = changes.findings.resolved.map(findingLine);
  const added = changes.findings.new.map(findingLine);
  const persisting = changes.findings.persisting.map(findingLine);
  const goneWithDevice = (changes.findings.goneWithDevice ?? []).map(findingLine);
  const devicesAdded = changes.devices.added.map(deviceLine);
  const devicesRemoved = changes.devices.removed.map(deviceLine);
  const devicesChanged = changes.devices.changed.map(deviceLine);
  return {
    sinceDate: changes.previous ? longDate(changes.previous.startedAt) : "the last assessment",
    visits: changes.history.length,
    fixedCount: fixed.length,
    newCount: added.length,
    persistingCount: persisting.length,
    progressLine: progressLine(fixed.length, added.length, persisting.length, goneWithDevice.length),
    fixed,
    new: added,
    persisting,
    goneWithDevice,
    goneWithDeviceCount: goneWithDevice.length,
    scores: [
      delta("Fit score", changes.scores.fit.before, changes.scores.fit.after, "neutral"),
      delta("Risk score", changes.scores.risk.before, changes.scores.risk.after, "lower"),
    ],
    counts: Object.entries(changes.counts ?? {}).map(([key, value]) =>
      delta(
        COUNT_LABELS[key] ?? key,
        value.before,
        value.after,
        FEWER_IS_BETTER.has(key) ? "lower" : "neutral",
      ),
    ),
    devicesAdded,
    devicesRemoved,
    devicesChanged,
    hasDeviceChanges: devicesAdded.length + devicesRemoved.length + devicesChanged.length > 0,
    trendChartSvg: changes.history.length >= 2 ? buildTrendChart(changes.history) : "",
  };
}

// --- internal ---

function progressLine(fixed: number, added: number, persisting: number, gone: number): string {
  const parts = [
    fixed === 0
      ? "No finding was fixed since last time"
      : `${plural(fixed, "finding")} fixed since last time`,
    added === 0 ? "nothing new found" : `${added} new`,
    `${persisting} still open`,
  ];
  if (gone > 0)
    parts.push(`${gone} no longer seen because ${gone === 1 ? "its device is" : "their devices are"} gone`);
  return `${parts.join("; ")}.`;
}

function findingLine(finding: FindingChange): FindingLine {
  return {
    id: finding.id,
    title: finding.title ?? finding.id,
    severity: finding.severity ?? "info",
    hostsText: finding.hosts.length ? `on ${finding.hosts.join(", ")}` : "",
  };
}

function deviceLine(device: DeviceChange): DeviceLine {
  const role = device.role.replace(/-/g, " ");
  return {
    label: device.name ? `${device.name} (${device.ip})` : device.ip,
    role,
    ip: device.ip,
    details: device.details,
  };
}

function delta(label: string, before: number, after: number, better: "lower" | "neutral"): DeltaLine {
  const diff = Math.round(after) - Math.round(before);
  const deltaText = diff === 0 ? "no change" : diff > 0 ? `+${diff}` : `−${-diff}`;
  const tone = diff === 0 || better === "neutral" ? "neutral" : diff < 0 ? "better" : "worse";
  return { label, before: Math.round(before), after: Math.round(after), deltaText, tone };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function longDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}
