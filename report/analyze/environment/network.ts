import type { Device, Environment } from "../../../schema/assessment.js";
import type { Audit } from "../../../schema/audit.js";
import { cleanText } from "../classify/text-cleanup.js";

type Network = Environment["network"];

/** WAN health thresholds (ms and percent). Above GOOD is degraded; above POOR is poor. */
export const WAN_THRESHOLDS = {
  good: {
    gatewayLatencyMs: 5,
    gatewayLossPercent: 0.5,
    internetLatencyMs: 60,
    internetLossPercent: 1,
    jitterMs: 20,
  },
  poor: {
    gatewayLatencyMs: 20,
    gatewayLossPercent: 5,
    internetLatencyMs: 150,
    internetLossPercent: 5,
    jitterMs: 50,
  },
} as const;

/** The first three octets of an IPv4 address (a module constant: one RegExp for every device). */
const IPV4_PREFIX = /^(\d+\.\d+\.\d+)\.\d+$/;

/** Security labels that are weak on their own: open, WEP, WPA(1), TKIP-only. */
const STRONG_WIFI = /WPA2|WPA3|RSN|802\.1X|SAE|EAP/i;

export function buildNetwork(audit: Audit, devices: Device[]): Network {
  const segments = [
    ...new Set(
      devices
        .map((device) => IPV4_PREFIX.exec(device.ip)?.[1])
        .filter((prefix): prefix is string => !!prefix)
        .map((prefix) => `${prefix}.0/24`),
    ),
  ].sort();
  const flat: Network["flat"] =
    segments.length > 1 ? "no" : segments.length === 1 && devices.length >= 2 ? "yes" : "unknown";

  const networks = (audit.agent?.wifiNetworks ?? []).map((wifi) => ({
    ssid: cleanText(wifi.ssid) ?? "(hidden)",
    security: wifi.security.length > 0 ? wifi.security.join(", ") : "open",
  }));
  const weak = networks.filter((wifi) => !STRONG_WIFI.test(wifi.security)).map((wifi) => wifi.ssid);

  return { segments, flat, wifi: { networks, weak }, wan: buildWan(audit) };
}

// --- internal ---

function buildWan(audit: Audit): Network["wan"] {
  const gateway = audit.network.gateway;
  const internet = audit.network.wan.filter((stats) => stats.received > 0 || stats.sent > 0);
  const wan: Network["wan"] = { health: "unknown" };
  if (gateway && gateway.sent > 0) {
    if (gateway.avgMs !== undefined) wan.gatewayLatencyMs = round(gateway.avgMs);
    wan.gatewayLossPercent = round(gateway.lossPercent);
  }
  if (internet.length > 0) {
    const latencies = internet
      .map((stats) => stats.avgMs)
      .filter((value): value is number => value !== undefined);
    if (latencies.length > 0) wan.internetLatencyMs = round(average(latencies));
    wan.internetLossPercent = round(average(internet.map((stats) => stats.lossPercent)));
  }
  const jitters = [gateway, ...internet]
    .map((stats) => stats?.jitterMs)
    .filter((value): value is number => value !== undefined);
  if (jitters.length > 0) wan.jitterMs = round(Math.max(...jitters));

  const measured = (Object.keys(WAN_THRESHOLDS.good) as (keyof typeof WAN_THRESHOLDS.good)[]).filter(
    (key) => wan[key] !== undefined,
  );
  if (measured.length === 0) return wan;
  const over = (limits: typeof WAN_THRESHOLDS.good | typeof WAN_THRESHOLDS.poor) =>
    measured.some((key) => (wan[key] as number) > limits[key]);
  wan.health = over(WAN_THRESHOLDS.poor) ? "poor" : over(WAN_THRESHOLDS.good) ? "degraded" : "good";
  return wan;
}

function average(values: number[]): number {
  return values.reduce((total, value) => total + value, 0) / values.length;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
