import { describe, expect, it } from "vitest";
import { defineGatherer, type Gatherer, type ScanOptions } from "../../../agent/gatherer.js";
import { runScan } from "../../../agent/run-scan.js";
import { buildScope } from "../../../agent/scope/resolve-scope.js";
import { AuditSchema } from "../../../schema/audit.js";

const options: ScanOptions = {
  targets: ["192.168.50.0/24"],
  exclude: ["192.168.50.99"],
  snmpCommunities: ["s3cret-community"],
  pingTargets: [],
  maxPacketsPerSecond: 300,
  perHostTimeoutSeconds: 120,
  parallelHosts: 8,
  privileged: true,
  client: { name: "Acme Dental", site: "Main St" },
  authorizedBy: "Jo Owner",
};
const scope = buildScope({
  targets: options.targets,
  exclude: options.exclude,
  allowPublic: false,
  force: false,
});

const discovery = defineGatherer({
  id: "fake-discovery",
  version: 1,
  phase: "discovery",
  async run(ctx) {
    for (const [ip, mac] of [
      ["192.168.50.20", "00:11:22:33:44:55"],
      ["192.168.50.3", "AA:00:00:00:00:03"],
      ["192.168.50.100", "00:11:22:33:44:55"],
      ["192.168.50.99", "AA:00:00:00:00:99"], // excluded: must not appear
    ] as const) {
      ctx.addHostFacts(ip, { mac, status: { state: "up", reason: "arp-response" } }, "fake-discovery");
    }
    const done = ctx.probe({
      id: "fake-discovery",
      tool: "nmap",
      command: "nmap -sn …",
      targets: ctx.scope.targets,
    });
    done("ok");
  },
});
const ran: string[] = [];
const track = (id: string, phase: Gatherer["phase"]) =>
  defineGatherer({ id, version: 1, phase, run: async () => void ran.push(id) });

describe("runScan", () => {
  it("runs the phases in order, turns a throwing gatherer into a warning and assembles a valid Audit", async () => {
    ran.length = 0;
    const audit = await runScan(options, {
      scope,
      gatherers: [
        track("network-1", "network"),
        defineGatherer({
          id: "broken",
          version: 1,
          phase: "services",
          run: () => Promise.reject(new Error("snmp exploded")),
        }),
        track("enrich-1", "enrich"),
        discovery,
        track("local-1", "local"),
      ],
    });
    expect(AuditSchema.safeParse(audit).success).toBe(true);
    // enrich and network run together (the pings need nothing from enrich), in list order.
    expect(ran).toEqual(["local-1", "network-1", "enrich-1"]);
    expect(audit.status).toBe("complete");
    expect(audit.warnings).toContainEqual({ source: "broken", message: "failed: snmp exploded" });
    expect(audit.hosts.map((h) => h.ip)).toEqual(["192.168.50.3", "192.168.50.20", "192.168.50.100"]);
    expect(audit.scope).toEqual({
      targets: ["192.168.50.0/24"],
      excluded: ["192.168.50.99"],
      autoDetected: false,
    });
    expect(audit.engagement).toMatchObject({
      authorizedBy: "Jo Owner",
      privileged: true,
      rate: { maxPacketsPerSecond: 300, perHostTimeoutSeconds: 120, parallelHosts: 8 },
    });
    expect(audit.engagement.probes[0]).toMatchObject({
      id: "fake-discovery",
      status: "ok",
      targets: ["192.168.50.0/24"],
    });
    expect(audit.client).toEqual({ name: "Acme Dental", site: "Main St" });
    expect(JSON.stringify(audit)).not.toContain("s3cret-community");
  });

  it("flags one MAC answering for several IPs instead of counting it twice", async () => {
    const audit = await runScan(options, { scope, gatherers: [discovery] });
    const byIp = Object.fromEntries(audit.hosts.map((h) => [h.ip, h.sharedMacWith]));
    expect(byIp).toEqual({
      "192.168.50.3": [],
      "192.168.50.20": ["192.168.50.100"],
      "192.168.50.100": ["192.168.50.20"],
    });
  });

  it("on abort returns a valid partial Audit with what was gathered and says where it stopped", async () => {
    ran.length = 0;
    const controller = new AbortController();
    const services = defineGatherer({
      id: "slow-services",
      version: 1,
      phase: "services",
      run: (ctx) =>
        new Promise<void>((resolve) => {
          const done = ctx.probe({ id: "slow-services", tool: "nmap", targets: [] });
          ctx.signal.addEventListener("abort", () => {
            done("interrupted", "stopped by the user");
            resolve();
          });
          setTimeout(() => controller.abort(), 20);
        }),
    });
    const audit = await runScan(options, {
      scope,
      signal: controller.signal,
      gatherers: [discovery, services, track("enrich-1", "enrich")],
    });
    expect(AuditSchema.safeParse(audit).success).toBe(true);
    expect(audit.status).toBe("partial");
    expect(audit.hosts).toHaveLength(3);
    expect(ran).toEqual([]);
    expect(audit.warnings.map((w) => w.message).join("\n")).toMatch(/interrupted during the services phase/);
    expect(audit.engagement.probes.find((p) => p.id === "slow-services")?.status).toBe("interrupted");
  });

  it("does not wait forever for a gatherer that ignores the abort", async () => {
    const controller = new AbortController();
    const stuck = defineGatherer({
      id: "stuck",
      version: 1,
      phase: "enrich",
      run: () => new Promise(() => {}),
    });
    setTimeout(() => controller.abort(), 20);
    const started = Date.now();
    const audit = await runScan(options, {
      scope,
      signal: controller.signal,
      gatherers: [discovery, stuck],
      abortGraceMs: 200,
    });
    expect(audit.status).toBe("partial");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("marks the Audit partial when an nmap run was cut short (a lost nmap)", async () => {
    const lost = defineGatherer({
      id: "lost-nmap",
      version: 1,
      phase: "services",
      run: async (ctx) =>
        ctx.probe({ id: "lost-nmap", tool: "nmap", targets: [] })("interrupted", "nmap exited with code 139"),
    });
    const audit = await runScan(options, { scope, gatherers: [discovery, lost] });
    expect(audit.status).toBe("partial");
  });
});
