import { describe, expect, it } from "vitest";
import { defineGatherer, type ScanOptions } from "../../../agent/gatherer.js";
import { createDiscoveryGatherer } from "../../../agent/nmap/discovery-gatherer.js";
import type { NmapExecOptions, NmapExecResult } from "../../../agent/nmap/exec.js";
import { createServicesGatherer } from "../../../agent/nmap/services-gatherer.js";
import { runScan } from "../../../agent/run-scan.js";
import { buildScope } from "../../../agent/scope/resolve-scope.js";

// Hand-made nmap XML, just enough for the gatherers: one <host> per address.
const hostXml = (ip: string, extra = "") =>
  `<host starttime="1" endtime="2"><status state="up" reason="${extra ? "user-set" : "arp-response"}" reason_ttl="0"/>` +
  `<address addr="${ip}" addrtype="ipv4"/><address addr="00:50:56:00:00:${ip.split(".")[3]?.padStart(2, "0")}" addrtype="mac" vendor="VMware"/>` +
  `<hostnames/>${extra}<times srtt="500" rttvar="100" to="100000"/></host>`;
const port445 =
  '<ports><port protocol="tcp" portid="445"><state state="open" reason="syn-ack" reason_ttl="64"/><service name="microsoft-ds" product="Samba smbd" version="4" method="probed" conf="10"/></port></ports>';
const xmlFor = (args: string[], hosts: string[], extra = "") =>
  `<?xml version="1.0"?><nmaprun scanner="nmap" args="nmap ${args.join(" ")}" start="1" version="7.93" xmloutputversion="1.05">` +
  hosts.map((ip) => hostXml(ip, extra)).join("") +
  `<runstats><finished time="2" elapsed="1.0" exit="success"/><hosts up="${hosts.length}" down="0" total="${hosts.length}"/></runstats></nmaprun>`;

const options = (privileged: boolean): ScanOptions => ({
  targets: ["10.9.0.0/24"],
  exclude: ["10.9.0.7"],
  snmpCommunities: ["public"],
  pingTargets: [],
  maxPacketsPerSecond: 300,
  perHostTimeoutSeconds: 60,
  parallelHosts: 2,
  privileged,
  client: { name: "Lab" },
});
const scope = buildScope({
  targets: ["10.9.0.0/24"],
  exclude: ["10.9.0.7"],
  allowPublic: false,
  force: false,
});
const LIVE = ["10.9.0.1", "10.9.0.2", "10.9.0.3", "10.9.0.7", "10.9.0.10", "10.9.0.11"];

function fakeNmap() {
  const calls: string[][] = [];
  const run = async (opts: NmapExecOptions): Promise<NmapExecResult> => {
    calls.push(opts.args);
    const isDiscovery = opts.args.includes("-sn");
    // nmap honours --exclude itself; the fake returns the excluded host anyway, to prove the gatherer filters too.
    const hosts = isDiscovery ? LIVE : opts.args.filter((a) => /^10\.9\.0\.\d+$/.test(a));
    return {
      xml: xmlFor(opts.args, hosts, isDiscovery ? "" : port445),
      stderr: "",
      exitCode: 0,
      durationMs: 5,
      command: `nmap ${opts.args.join(" ")}`,
    };
  };
  return { calls, run };
}

describe("the nmap gatherers", () => {
  it("discover hosts, then scan them in bounded batches that share the packet budget and skip excluded hosts", async () => {
    const { calls, run } = fakeNmap();
    const audit = await runScan(options(true), {
      scope,
      gatherers: [createDiscoveryGatherer({ run }), createServicesGatherer({ run })],
    });
    expect(audit.status).toBe("complete");
    expect(audit.hosts.map((h) => h.ip)).toEqual([
      "10.9.0.1",
      "10.9.0.2",
      "10.9.0.3",
      "10.9.0.10",
      "10.9.0.11",
    ]);
    const tcpPasses = calls.filter((args) => args.includes("-sV"));
    const batches = tcpPasses.map((args) => args.filter((a) => /^10\.9\.0\.\d+$/.test(a)));
    // The first --parallel hosts (low addresses: servers, gateway) in half-size batches.
    expect(batches).toEqual([["10.9.0.1"], ["10.9.0.2"], ["10.9.0.3", "10.9.0.10"], ["10.9.0.11"]]);
    const udpPasses = calls.filter((args) => args.includes("-sU"));
    expect(udpPasses.map((args) => args.filter((a) => /^10\.9\.0\.\d+$/.test(a)))).toEqual([
      ["10.9.0.1", "10.9.0.2", "10.9.0.3", "10.9.0.10", "10.9.0.11"],
    ]);
    for (const args of calls) expect(args[args.indexOf("--exclude") + 1]).toBe("10.9.0.7/32");
    // 3 TCP processes and the UDP one share the 300 packets/s; the UDP one, once done, takes a
    // TCP batch with its own share.
    for (const args of tcpPasses) expect(["80", "60"]).toContain(args[args.indexOf("--max-rate") + 1]);
    for (const args of udpPasses) expect(args[args.indexOf("--max-rate") + 1]).toBe("60");
    const host = audit.hosts.find((h) => h.ip === "10.9.0.2");
    expect(host?.status.reason).toBe("arp-response");
    expect(host?.services[0]).toMatchObject({ port: 445, product: "Samba smbd" });
    expect(host?.vendor).toBe("VMware");
    expect(audit.nmap).toHaveLength(6);
    expect(audit.engagement.probes.filter((p) => p.tool === "nmap")).toHaveLength(6);
    expect(audit.engagement.probes[0]?.command).toMatch(/^nmap -sn /);
  });

  it("runs the UDP pass alongside the TCP ones and never exceeds the packet budget", async () => {
    const { run } = fakeNmap();
    const running = new Map<number, { rate: number; udp: boolean }>();
    const log: string[] = [];
    let id = 0;
    let peakRate = 0;
    const tcpRates: number[] = [];
    const slowRun: typeof run = async (opts) => {
      const me = id++;
      const udp = opts.args.includes("-sU");
      const rate = Number(opts.args[opts.args.indexOf("--max-rate") + 1]);
      if (!udp) tcpRates.push(rate);
      running.set(me, { rate, udp });
      peakRate = Math.max(
        peakRate,
        [...running.values()].reduce((sum, p) => sum + p.rate, 0),
      );
      log.push(`start ${udp ? "udp" : "tcp"}`);
      await new Promise((resolve) => setTimeout(resolve, udp ? 5 : 20));
      running.delete(me);
      log.push(`end ${udp ? "udp" : "tcp"}`);
      return run(opts);
    };
    const scan = { ...options(true), parallelHosts: 1 };
    const audit = await runScan(scan, {
      scope,
      gatherers: [createDiscoveryGatherer({ run }), createServicesGatherer({ run: slowRun })],
    });
    expect(audit.status).toBe("complete");
    expect(log.indexOf("start udp")).toBeLessThan(log.indexOf("end tcp"));
    expect(peakRate).toBeLessThanOrEqual(300);
    // 5 TCP batches of one host on 3 TCP processes: the UDP process, its passes done, took one
    // with its own share of the budget.
    expect(tcpRates.sort()).toEqual([60, 80, 80, 80, 80]);
    // Budgets too small to share four ways: fewer processes, never above the budget.
    for (const budget of [1, 2, 3]) {
      peakRate = 0;
      await runScan(
        { ...scan, maxPacketsPerSecond: budget },
        { scope, gatherers: [createDiscoveryGatherer({ run }), createServicesGatherer({ run: slowRun })] },
      );
      expect(peakRate).toBeLessThanOrEqual(budget);
    }
  });

  it("unprivileged: says what it skipped and still fills MACs from the kernel's ARP table", async () => {
    const { calls, run } = fakeNmap();
    const readArpCache = async () => ({
      macs: new Map([["10.9.0.1", "00:1B:21:00:00:01"]]),
      prefixes: new Map([["001B21", "Intel Corporate"]]),
    });
    const noMacRun: typeof run = async (opts) => {
      const result = await run(opts);
      return { ...result, xml: result.xml.replace(/<address addr="[^"]+" addrtype="mac"[^>]*\/>/g, "") };
    };
    const audit = await runScan(options(false), {
      scope,
      gatherers: [
        createDiscoveryGatherer({ run: noMacRun, readArpCache }),
        createServicesGatherer({ run: noMacRun }),
      ],
    });
    expect(
      calls.slice(1).every((args) => args.includes("-sT") && !args.includes("-sU") && !args.includes("-O")),
    ).toBe(true);
    const warnings = audit.warnings.map((w) => w.message).join("\n");
    expect(warnings).toMatch(/no ARP or ICMP ping/);
    expect(warnings).toMatch(/UDP ports not scanned/);
    expect(warnings).toMatch(/OS detection \(-O\) skipped/);
    expect(audit.hosts.find((h) => h.ip === "10.9.0.1")).toMatchObject({
      mac: "00:1B:21:00:00:01",
      vendor: "Intel Corporate",
    });
  });

  it("leaves the agent's own address out of the prospect's hosts", async () => {
    const { run } = fakeNmap();
    const agentHost = defineGatherer({
      id: "fake-local",
      version: 1,
      phase: "local",
      run: async (ctx) => {
        ctx.draft.agent = {
          interfaces: [{ name: "eth0", ip4: "10.9.0.3" }],
          dnsServers: [],
          wifiNetworks: [],
          antivirus: [],
          privileges: { admin: true, rawSockets: true },
        };
      },
    });
    const audit = await runScan(options(true), {
      scope,
      gatherers: [agentHost, createDiscoveryGatherer({ run }), createServicesGatherer({ run })],
    });
    expect(audit.hosts.map((h) => h.ip)).not.toContain("10.9.0.3");
    expect(audit.hosts).toHaveLength(4);
  });

  it("looks again at a TLS port whose certificate the first pass missed", async () => {
    const { calls, run } = fakeNmap();
    const https =
      '<ports><port protocol="tcp" portid="443"><state state="open" reason="syn-ack" reason_ttl="64"/><service name="http" product="nginx" tunnel="ssl" method="probed" conf="10"/></port></ports>';
    const withTls: typeof run = async (opts) => {
      const result = await run(opts);
      return opts.args.includes("-sV") ? { ...result, xml: result.xml.replace(port445, https) } : result;
    };
    await runScan(options(true), {
      scope,
      gatherers: [createDiscoveryGatherer({ run }), createServicesGatherer({ run: withTls })],
    });
    const retries = calls.filter((args) => args.includes("ssl-cert") && !args.includes("-sV"));
    expect(retries).toHaveLength(4); // one per TCP batch
    expect(retries[0]?.[retries[0].indexOf("-p") + 1]).toBe("443");
  });

  it("keeps the finished hosts of an nmap that died, and marks the Audit partial", async () => {
    const { run } = fakeNmap();
    const dying: typeof run = async (opts) => {
      const result = await run(opts);
      if (opts.args.includes("-sn")) return result;
      return {
        ...result,
        xml: result.xml.replace(/<runstats>.*$/, ""),
        exitCode: 139,
        stderr: "Segmentation fault\n",
      };
    };
    const audit = await runScan(options(true), {
      scope,
      gatherers: [createDiscoveryGatherer({ run }), createServicesGatherer({ run: dying })],
    });
    expect(audit.status).toBe("partial");
    expect(audit.hosts.find((h) => h.ip === "10.9.0.3")?.services).toHaveLength(1);
    expect(audit.warnings.map((w) => w.message)).toContain("nmap: Segmentation fault");
  });
});
