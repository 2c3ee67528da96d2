import { createSocket, type Socket } from "node:dgram";
import { afterEach, describe, expect, it } from "vitest";
import {
  arpaName,
  gatherReverseDns,
  type ReverseLookup,
} from "../../../agent/gatherers/reverse-dns/index.js";
import { fakeContext } from "./fake-context.js";

const up = (ip: string) => ({ ip, status: { state: "up" } });
const dnsError = (code: string) => Object.assign(new Error(`query ${code}`), { code });

function fakeLookup(reverse: ReverseLookup, servers = ["10.0.0.53"]) {
  const asked: string[] = [];
  return {
    asked,
    lookup: {
      servers,
      reverse: (ip: string) => {
        asked.push(ip);
        return reverse(ip);
      },
      cancel: () => undefined,
    },
  };
}

describe("reverse DNS", () => {
  let socket: Socket | undefined;
  afterEach(() => {
    socket?.close();
    socket = undefined;
  });

  it("records PTR names of the live hosts, leaves nameless hosts alone and never asks about loopback", async () => {
    const { ctx, draft, hosts } = fakeContext({
      hosts: [
        up("10.0.0.10"),
        up("10.0.0.11"),
        up("127.0.0.1"),
        { ip: "10.0.0.12", status: { state: "down" } },
      ],
    });
    const { asked, lookup } = fakeLookup(async (ip) => {
      if (ip === "10.0.0.10") return ["dc01.corp.example.com", "dc01.corp.example.com"];
      throw dnsError("ENOTFOUND");
    });
    await gatherReverseDns(ctx, { timeoutMs: 1000, limitMs: 3000, lookup });
    expect(asked.sort()).toEqual(["10.0.0.10", "10.0.0.11"]);
    expect(hosts().find((h) => h.ip === "10.0.0.10")?.hostnames).toEqual([
      { name: "dc01.corp.example.com", type: "PTR" },
    ]);
    expect(hosts().find((h) => h.ip === "10.0.0.11")?.hostnames).toEqual([]);
    expect(draft.warnings).toEqual([]);
    expect(draft.probes[0]).toMatchObject({ id: "reverse-dns", status: "ok", targets: ["10.0.0.53"] });
  });

  it("a resolver that never answers costs one timeout, and says so once", async () => {
    // A real node:dns resolver pointed at a local socket that swallows every query.
    socket = createSocket("udp4");
    const bound = socket;
    await new Promise<void>((resolve) => bound.bind(0, "127.0.0.1", resolve));
    const port = bound.address().port;
    const asked = new Set<string>();
    bound.on("message", (query) => asked.add(query.subarray(12).toString("latin1")));
    const ips = Array.from({ length: 40 }, (_, i) => `10.0.0.${i + 1}`);
    const { ctx, draft, hosts } = fakeContext({ hosts: ips.map(up) });
    await gatherReverseDns(ctx, { timeoutMs: 300, limitMs: 2000, servers: [`127.0.0.1:${port}`] });
    // All 40 names asked within the 2 s limit: one after another, 300 ms each, only 6 would be.
    expect(asked.size).toBe(40);
    expect(hosts().every((h) => h.hostnames.length === 0)).toBe(true);
    expect(draft.warnings).toHaveLength(1);
    expect(draft.warnings[0]?.message).toMatch(/did not answer reverse lookups .*ETIMEOUT/);
    expect(draft.probes[0]).toMatchObject({ id: "reverse-dns", status: "error" });
  });

  it("counts a refusing resolver, and node's channel reset after it, as no answer", async () => {
    const { ctx, draft } = fakeContext({ hosts: [up("10.0.0.1"), up("10.0.0.2")] });
    const { lookup } = fakeLookup(async (ip) => {
      throw dnsError(ip.endsWith(".1") ? "ECONNREFUSED" : "EDESTRUCTION");
    });
    await gatherReverseDns(ctx, { timeoutMs: 100, limitMs: 200, lookup });
    expect(draft.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/did not answer reverse lookups \((ECONNREFUSED|EDESTRUCTION)\)/),
    ]);
  });

  it("stops at its time limit whatever the resolver does", async () => {
    const { ctx, draft } = fakeContext({ hosts: [up("10.0.0.1")] });
    let cancel: () => void = () => undefined;
    const hanging = new Promise<string[]>((_, reject) => {
      cancel = () => reject(dnsError("ECANCELLED"));
    });
    let cancelled = false;
    const lookup = {
      servers: ["10.0.0.53"],
      reverse: () => hanging,
      cancel: () => {
        cancelled = true;
        cancel();
      },
    };
    // The lookup never settles by itself: returning at all means the limit cancelled it.
    await gatherReverseDns(ctx, { timeoutMs: 100, limitMs: 200, lookup });
    expect(cancelled).toBe(true);
    expect(draft.probes[0]?.status).toBe("error");
  });

  it("asks for the in-addr.arpa and ip6.arpa names", () => {
    expect(arpaName("10.77.10.12")).toBe("12.10.77.10.in-addr.arpa");
    expect(arpaName("2001:db8::1")).toBe(`1.${"0.".repeat(23)}8.b.d.0.1.0.0.2.ip6.arpa`);
  });

  it("sends nothing when the DNS server is on the exclude list", async () => {
    const { ctx, draft } = fakeContext({ hosts: [up("10.0.0.1")], excluded: ["10.0.0.53"] });
    const { asked, lookup } = fakeLookup(async () => ["x.example"]);
    await gatherReverseDns(ctx, { timeoutMs: 100, limitMs: 200, lookup });
    expect(asked).toEqual([]);
    expect(draft.probes).toEqual([]);
    expect(draft.warnings.map((w) => w.message)).toEqual([
      "a DNS server is on the exclude list: reverse lookups skipped",
    ]);
  });
});
