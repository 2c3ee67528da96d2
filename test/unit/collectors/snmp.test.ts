import { createSocket } from "node:dgram";
import { afterEach, describe, expect, it } from "vitest";
import { gatherSnmp, redact, snmpTargets } from "../../../agent/gatherers/snmp/index.js";
import { looksLikeUps, mapApc, mapSystem, mapUpsMib } from "../../../agent/gatherers/snmp/map-varbinds.js";
import { HostSchema } from "../../../schema/audit.js";
import { fakeContext } from "./fake-context.js";
import { startFakeSnmpAgent, SYSTEM_SCALARS, UPS_SCALARS } from "./fake-snmp-agent.js";

const SECRET = "s3cr3t-Community!";

describe("varbind mapping", () => {
  it("maps the system group, cleaning and capping text", () => {
    const system = mapSystem([
      { oid: "1.3.6.1.2.1.1.1.0", value: Buffer.from(`Linux nas 5.10\u0000${"x".repeat(10_000)}`) },
      { oid: "1.3.6.1.2.1.1.2.0", value: "1.3.6.1.4.1.6574.1" },
      { oid: "1.3.6.1.2.1.1.3.0", value: 8_640_000 },
      { oid: "1.3.6.1.2.1.1.5.0", value: Buffer.from("nas01") },
      { oid: "1.3.6.1.2.1.1.4.0", value: null, error: true },
    ]);
    expect(system.sysDescr?.startsWith("Linux nas 5.10x")).toBe(true);
    expect(system.sysDescr?.length).toBe(4096);
    expect(system).toMatchObject({
      sysObjectID: "1.3.6.1.4.1.6574.1",
      sysUpTimeSeconds: 86_400,
      sysName: "nas01",
      sysContact: undefined,
    });
  });
  it("maps UPS-MIB battery status, charge, runtime and output source", () => {
    const ups = mapUpsMib([
      { oid: "1.3.6.1.2.1.33.1.1.1.0", value: Buffer.from("APC") },
      { oid: "1.3.6.1.2.1.33.1.1.2.0", value: Buffer.from("Smart-UPS 1500") },
      { oid: "1.3.6.1.2.1.33.1.2.1.0", value: 2 },
      { oid: "1.3.6.1.2.1.33.1.2.3.0", value: 42 },
      { oid: "1.3.6.1.2.1.33.1.2.4.0", value: 100 },
      { oid: "1.3.6.1.2.1.33.1.4.1.0", value: 3 },
    ]);
    expect(ups).toMatchObject({
      source: "snmp-ups-mib",
      model: "Smart-UPS 1500",
      batteryStatus: "batteryNormal",
      chargePercent: 100,
      runtimeMinutes: 42,
      onBattery: false,
    });
    expect(ups?.raw.upsOutputSourceName).toBe("normal");
    // a short OCTET STRING is text, not a number
    expect(ups?.manufacturer).toBe("APC");
    expect(ups?.raw.upsIdentManufacturer).toBe("APC");
    expect(mapUpsMib([{ oid: "1.3.6.1.2.1.33.1.2.1.0", value: null, error: true }])).toBeUndefined();
  });
  it("maps APC PowerNet (runtime in TimeTicks)", () => {
    expect(
      mapApc([
        { oid: "1.3.6.1.4.1.318.1.1.1.1.1.1.0", value: Buffer.from("Smart-UPS X 2200") },
        { oid: "1.3.6.1.4.1.318.1.1.1.2.1.1.0", value: 3 },
        { oid: "1.3.6.1.4.1.318.1.1.1.2.2.1.0", value: 35 },
        { oid: "1.3.6.1.4.1.318.1.1.1.2.2.3.0", value: 90_000 },
        { oid: "1.3.6.1.4.1.318.1.1.1.4.1.1.0", value: 3 },
      ]),
    ).toMatchObject({
      source: "snmp-apc-powernet",
      manufacturer: "APC",
      batteryStatus: "batteryLow",
      chargePercent: 35,
      runtimeMinutes: 15,
      onBattery: true,
    });
  });
  it("recognises UPS cards", () => {
    expect(looksLikeUps({ sysObjectID: "1.3.6.1.4.1.318.1.3.27" })).toBe(true);
    expect(looksLikeUps({ sysDescr: "APC Web/SNMP Management Card (MB:v4.1.0 PF:v6.8.2)" })).toBe(true);
    expect(looksLikeUps({ sysDescr: "Eaton 5PX Network Card" })).toBe(true);
    expect(looksLikeUps({ sysDescr: "Linux fw 5.10" })).toBe(false);
  });
});

describe("target choice", () => {
  const host = (ip: string, services: unknown[] = []) =>
    HostSchema.parse({ ip, status: { state: "up" }, services });
  it("asks hosts whose 161/udp is open or open|filtered when a UDP scan ran", () => {
    const hosts = [
      host("10.0.0.1", [{ port: 161, protocol: "udp", state: "open" }]),
      host("10.0.0.2", [{ port: 161, protocol: "udp", state: "open|filtered" }]),
      host("10.0.0.3", [{ port: 161, protocol: "udp", state: "closed" }]),
      host("10.0.0.4", [{ port: 161, protocol: "udp", state: "open" }]),
    ];
    expect(snmpTargets(hosts, (ip) => ip !== "10.0.0.4")).toEqual({
      ips: ["10.0.0.1", "10.0.0.2"],
      sweep: false,
    });
  });
  it("sweeps every live host when no UDP scan ran", () => {
    expect(
      snmpTargets(
        [host("10.0.0.1", [{ port: 22, protocol: "tcp", state: "open" }]), host("10.0.0.2")],
        () => true,
      ),
    ).toEqual({
      ips: ["10.0.0.1", "10.0.0.2"],
      sweep: true,
    });
  });
  it("redacts communities from messages", () => {
    expect(redact(`bad community ${SECRET}`, [SECRET])).toBe("bad community ***");
  });
});

describe("snmp collector against a local agent", () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });
  const port = 16_100 + Math.floor(Math.random() * 1000);
  const options = { port, timeoutMs: 300, retries: 0, sweepTimeoutMs: 300, concurrency: 4 };
  const udpOpen = [{ port: 161, protocol: "udp" as const, state: "open" }];

  it("reads the system group and the UPS-MIB with the second community, never writing the community", async () => {
    close = (await startFakeSnmpAgent(port, SECRET, [...SYSTEM_SCALARS, ...UPS_SCALARS])).close;
    const { ctx, draft, hosts } = fakeContext({
      hosts: [{ ip: "127.0.0.1", status: { state: "up" }, services: udpOpen }],
      options: { snmpCommunities: ["public", SECRET] },
    });
    await gatherSnmp(ctx, options);
    const snmp = hosts()[0]?.snmp;
    expect(snmp).toMatchObject({
      sysDescr: "FortiGate-60F v7.2.5,build1517 (GA)",
      sysObjectID: "1.3.6.1.4.1.12356.101.1.60",
      sysName: "fw-office",
      sysUpTimeSeconds: 123_456,
      sysLocation: "Server closet",
      communityIndex: 1,
      ups: {
        source: "snmp-ups-mib",
        manufacturer: "Eaton",
        batteryStatus: "batteryLow",
        chargePercent: 18,
        runtimeMinutes: 7,
        onBattery: true,
      },
    });
    expect(hosts()[0]?.hostnames).toContainEqual({ name: "fw-office", type: "snmp" });
    const everything = JSON.stringify({ draft, hosts: hosts() });
    expect(everything).not.toContain(SECRET);
    expect(draft.probes[0]).toMatchObject({ id: "snmp", status: "ok", targets: ["127.0.0.1"] });
  });

  it("asks each community in v2c and v1 at once, one community after another, of a silent host", async () => {
    // A host that swallows every datagram: what reaches it shows the order of the requests.
    const silent = createSocket("udp4");
    const received: { version: number; community: string }[] = [];
    silent.on("message", (message) => received.push(snmpHeader(message)));
    await new Promise<void>((resolve) => silent.bind(port, "127.0.0.1", resolve));
    close = () => new Promise<void>((resolve) => silent.close(() => resolve()));
    const { ctx } = fakeContext({
      hosts: [{ ip: "127.0.0.1", status: { state: "up" }, services: udpOpen }],
      options: { snmpCommunities: [SECRET, "private"] },
    });
    await gatherSnmp(ctx, { ...options, retries: 1 });
    // BER version field: 1 = v2c, 0 = v1. With one retry, asking v1 only after v2c timed out
    // would send v2c, v2c, v1, v1; asked at once, each pair holds both versions. Both versions
    // of the first community go out before the second is tried: one timeout per community.
    expect(received.map((r) => r.community)).toEqual([
      SECRET,
      SECRET,
      SECRET,
      SECRET,
      "private",
      "private",
      "private",
      "private",
    ]);
    for (const pair of [0, 2, 4, 6]) {
      expect(new Set(received.slice(pair, pair + 2).map((r) => r.version))).toEqual(new Set([0, 1]));
    }
  });

  it("warns, without the community, when no configured community answers", async () => {
    close = (await startFakeSnmpAgent(port, "only-this-one", SYSTEM_SCALARS)).close;
    const { ctx, draft, hosts } = fakeContext({
      hosts: [{ ip: "127.0.0.1", status: { state: "up" }, services: udpOpen }],
      options: { snmpCommunities: [SECRET, "private"] },
    });
    await gatherSnmp(ctx, options);
    expect(hosts()[0]?.snmp).toBeUndefined();
    expect(draft.warnings).toEqual([
      {
        source: "snmp",
        host: "127.0.0.1",
        message: "161/udp open but no configured community answered (v2c, v1)",
      },
    ]);
    expect(JSON.stringify(draft)).not.toContain(SECRET);
  });

  it("stays quiet about hosts of a blind sweep that do not answer, and stops on abort", async () => {
    const controller = new AbortController();
    const { ctx, draft } = fakeContext({
      hosts: [{ ip: "127.0.0.1", status: { state: "up" } }],
      signal: controller.signal,
    });
    const started = Date.now();
    await gatherSnmp(ctx, options);
    expect(draft.warnings).toEqual([]);
    expect(Date.now() - started).toBeLessThan(3000);
    controller.abort();
    await gatherSnmp(ctx, options);
    expect(draft.probes.at(-1)?.status).toBe("interrupted");
  });
});

/** The version and community of an SNMP v1/v2c message: SEQUENCE { INTEGER version, OCTET STRING community, … }. */
function snmpHeader(message: Buffer): { version: number; community: string } {
  let offset = 1;
  const length = (): number => {
    const first = message[offset++] ?? 0;
    if (first < 0x80) return first;
    let value = 0;
    for (let i = 0; i < (first & 0x7f); i++) value = value * 256 + (message[offset++] ?? 0);
    return value;
  };
  length(); // the outer SEQUENCE
  offset++; // INTEGER tag
  const versionLength = length();
  const version = message.readUIntBE(offset, versionLength);
  offset += versionLength;
  offset++; // OCTET STRING tag
  const communityLength = length();
  return { version, community: message.toString("latin1", offset, offset + communityLength) };
}
