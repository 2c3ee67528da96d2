import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_PING_TARGETS,
  gatherWanHealth,
  pingPlan,
} from "../../../agent/gatherers/wan-health/index.js";
import { pingStats, rttsFromPingOutput } from "../../../agent/gatherers/wan-health/stats.js";
import { fakeContext, fixture } from "./fake-context.js";

const agent = (gateway: string, dnsServers: string[]) => ({
  interfaces: [],
  gateway,
  dnsServers,
  privileges: { admin: false, rawSockets: false },
  wifiNetworks: [],
  antivirus: [],
});

describe("ping statistics", () => {
  it("reads RTTs from recorded Linux ping output and Windows-style lines", () => {
    expect(rttsFromPingOutput(readFileSync(fixture("ping-linux-loopback.txt"), "utf8"))).toEqual([
      0.066, 0.044, 0.034, 0.03,
    ]);
    expect(
      rttsFromPingOutput(
        "Reply from 10.0.0.1: bytes=32 time=3ms TTL=64\nReply from 10.0.0.1: bytes=32 time<1ms TTL=64",
      ),
    ).toEqual([3, 1]);
  });
  it("computes loss, min/avg/max and jitter as the mean absolute successive difference", () => {
    expect(pingStats("10.0.0.1", "gateway", 5, [10, 12, 11, 15])).toEqual({
      target: "10.0.0.1",
      kind: "gateway",
      sent: 5,
      received: 4,
      lossPercent: 20,
      minMs: 10,
      avgMs: 12,
      maxMs: 15,
      jitterMs: 2.333,
    });
    expect(pingStats("10.0.0.1", "wan", 10, [])).toEqual({
      target: "10.0.0.1",
      kind: "wan",
      sent: 10,
      received: 0,
      lossPercent: 100,
    });
  });
});

describe("what gets pinged", () => {
  it("pings gateway, DNS servers and targets once each, skipping loopback and excluded hosts", () => {
    expect(
      pingPlan(
        "10.0.0.1",
        ["10.0.0.1", "127.0.0.53", "10.0.0.53"],
        ["203.0.113.9", "10.0.0.99"],
        ["10.0.0.99"],
      ),
    ).toEqual([
      { target: "10.0.0.1", kind: "gateway" },
      { target: "10.0.0.53", kind: "dns" },
      { target: "203.0.113.9", kind: "wan" },
    ]);
  });
  it("documents two independent public default targets", () => {
    expect(DEFAULT_PING_TARGETS).toEqual(["1.1.1.1", "8.8.8.8"]);
  });
});

describe("wan-health collector", () => {
  const output = (ms: number[]) =>
    ms.map((t, i) => `64 bytes from x: icmp_seq=${i + 1} ttl=64 time=${t} ms`).join("\n");

  it("fills network.gateway, dns and wan from the pinger, without pinging anything it was not given", async () => {
    const asked: string[] = [];
    const { ctx, draft } = fakeContext({
      draft: { agent: agent("10.0.0.1", ["10.0.0.1", "10.0.0.53"]) },
      options: { pingTargets: ["203.0.113.9"] },
    });
    await gatherWanHealth(ctx, {
      count: 4,
      intervalSeconds: 0.2,
      replyTimeoutSeconds: 1,
      pinger: async (target) => {
        asked.push(target);
        return target === "203.0.113.9" ? "" : output([1, 2, 1, 2]);
      },
    });
    expect(asked.sort()).toEqual(["10.0.0.1", "10.0.0.53", "203.0.113.9"]);
    expect(draft.network.gateway).toMatchObject({
      target: "10.0.0.1",
      received: 4,
      lossPercent: 0,
      avgMs: 1.5,
      jitterMs: 1,
    });
    expect(draft.network.dns.map((d) => d.target).sort()).toEqual(["10.0.0.1", "10.0.0.53"]);
    expect(draft.network.wan).toEqual([
      { target: "203.0.113.9", kind: "wan", sent: 4, received: 0, lossPercent: 100 },
    ]);
    expect(draft.warnings).toEqual([
      { source: "wan-health", host: "203.0.113.9", message: "no echo reply from wan 203.0.113.9" },
    ]);
  });

  it("turns a ping failure into a warning and says when nothing is known to ping", async () => {
    const { ctx, draft } = fakeContext({ draft: { agent: agent("10.0.0.1", []) } });
    await gatherWanHealth(ctx, {
      count: 2,
      intervalSeconds: 0.2,
      replyTimeoutSeconds: 1,
      pinger: () => Promise.reject(new Error("ping: permission denied")),
    });
    expect(draft.warnings).toEqual([
      {
        source: "wan-health",
        host: "10.0.0.1",
        message: "ping to gateway 10.0.0.1 failed: ping: permission denied",
      },
    ]);
    const empty = fakeContext({});
    await gatherWanHealth(empty.ctx, {
      count: 2,
      intervalSeconds: 0.2,
      replyTimeoutSeconds: 1,
      pinger: () => Promise.resolve(""),
    });
    expect(empty.draft.warnings[0]?.message).toMatch(/WAN health not measured/);
  });
});
