import type { PingStats } from "../../../schema/audit.js";

const round = (n: number): number => Math.round(n * 1000) / 1000;

/**
 * Latency figures from the round-trip times of the replies that came back. Jitter is the mean
 * absolute difference between successive RTTs (the RFC 3550 idea without its smoothing): it is
 * what a voice call feels, where a standard deviation would also count slow drift.
 */
export function pingStats(target: string, kind: string, sent: number, rtts: readonly number[]): PingStats {
  const received = Math.min(rtts.length, sent);
  const stats: PingStats = {
    target,
    kind,
    sent,
    received,
    lossPercent: sent === 0 ? 100 : round(((sent - received) / sent) * 100),
  };
  if (rtts.length === 0) return stats;
  stats.minMs = round(Math.min(...rtts));
  stats.maxMs = round(Math.max(...rtts));
  stats.avgMs = round(rtts.reduce((a, b) => a + b, 0) / rtts.length);
  if (rtts.length >= 2) {
    let sum = 0;
    for (let i = 1; i < rtts.length; i++) sum += Math.abs((rtts[i] as number) - (rtts[i - 1] as number));
    stats.jitterMs = round(sum / (rtts.length - 1));
  }
  return stats;
}

/** Individual RTTs from ping's own output ("time=0.045 ms" / Windows "time=1ms", "time<1ms"). */
export function rttsFromPingOutput(output: string): number[] {
  const rtts: number[] = [];
  for (const m of output.matchAll(/time[=<]\s*([\d.]+)\s*ms/gi)) {
    const n = Number(m[1]);
    if (Number.isFinite(n)) rtts.push(n);
  }
  return rtts;
}
