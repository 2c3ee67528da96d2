/**
 * A light lab for discovery at scale: one agent namespace and one "hosts" namespace joined by a
 * veth pair. In the hosts namespace, `hostCount` macvlan children of the veth end each own one
 * address and one MAC (arp_ignore=1: each answers ARP only for its own address), so the agent sees
 * that many distinct hosts, not one proxy-ARP box. The agent also holds an address in an empty
 * /20 where nobody answers. No namespace has a route out or a link to a real interface.
 *
 * Names are `ssb<runId>-agent` / `ssb<runId>-hosts`; down() removes both, and so do SIGINT/SIGTERM
 * and process exit.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface ScaleLab {
  runId: string;
  agentNs: string;
  hostsNs: string;
  /** The agent's interface inside agentNs. */
  iface: string;
  /** The /24 with `hostCount` live hosts (.1 … .hostCount), the agent at .250. */
  busyCidr: string;
  liveIps: string[];
  /** A /20 with nobody but the agent (at its .1) in it. */
  emptyCidr: string;
  /** The agent's resolver: dnsmasq in the hosts namespace (answers reverse lookups NXDOMAIN), or a dead address. */
  dns: { kind: "answering" | "dead"; server: string };
  down(): void;
}

const BUSY_PREFIX = "10.201.0";
const EMPTY_CIDR = "10.202.0.0/20";
const EMPTY_AGENT_IP = "10.202.0.1/20";

function ip(args: string[], input?: string): string {
  return execFileSync("ip", args, {
    encoding: "utf8",
    input,
    stdio: ["pipe", "pipe", "pipe"],
    timeout: 60_000,
  });
}

function mac(i: number): string {
  // locally administered, unique per host
  return `02:5b:00:00:${((i >> 8) & 0xff).toString(16).padStart(2, "0")}:${(i & 0xff).toString(16).padStart(2, "0")}`;
}

const DNS_HOST = 240;

/**
 * dns "answering": dnsmasq (in the hosts namespace, at .240) answers every reverse lookup at once,
 * like a working office resolver. "dead": the resolver is the agent's own loopback, where
 * nothing listens, like an office whose DNS server is down or drops queries.
 */
export function bringUpScaleLab(hostCount = 220, dnsKind: "answering" | "dead" = "answering"): ScaleLab {
  if (hostCount < 1 || hostCount > 249) throw new Error("hostCount must be 1..249 (the agent is .250)");
  const runId = randomBytes(3).toString("hex").slice(0, 4);
  const agentNs = `ssb${runId}-agent`;
  const hostsNs = `ssb${runId}-hosts`;
  const netnsEtc = join("/etc/netns", agentNs);
  let removed = false;
  let dnsmasq: ChildProcess | undefined;
  const down = () => {
    if (removed) return;
    removed = true;
    if (dnsmasq?.pid && dnsmasq.exitCode === null) {
      try {
        process.kill(dnsmasq.pid, "SIGTERM");
      } catch {}
    }
    for (const ns of [agentNs, hostsNs]) {
      try {
        ip(["netns", "del", ns]);
      } catch {}
    }
    rmSync(netnsEtc, { recursive: true, force: true });
  };
  const onSignal = () => {
    down();
    process.exit(130);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  process.once("exit", down);

  try {
    ip(["netns", "add", agentNs]);
    ip(["netns", "add", hostsNs]);
    // The agent's resolv.conf never names a real resolver: queries stay inside the lab.
    const dnsServer = dnsKind === "answering" ? `${BUSY_PREFIX}.${DNS_HOST}` : "127.0.0.1";
    mkdirSync(netnsEtc, { recursive: true });
    writeFileSync(join(netnsEtc, "resolv.conf"), `nameserver ${dnsServer}\n`);
    ip(["link", "add", `ssb${runId}a`, "type", "veth", "peer", "name", `ssb${runId}h`]);
    ip(["link", "set", `ssb${runId}a`, "netns", agentNs]);
    ip(["link", "set", `ssb${runId}h`, "netns", hostsNs]);

    const agentBatch = [
      `link set ssb${runId}a name eth0`,
      "link set lo up",
      "link set eth0 up",
      `addr add ${BUSY_PREFIX}.250/24 dev eth0`,
      `addr add ${EMPTY_AGENT_IP} dev eth0`,
    ];
    ip(["-n", agentNs, "-batch", "-"], `${agentBatch.join("\n")}\n`);

    for (const key of ["all", "default"]) {
      ip(["netns", "exec", hostsNs, "sysctl", "-q", "-w", `net.ipv4.conf.${key}.arp_ignore=1`]);
      ip(["netns", "exec", hostsNs, "sysctl", "-q", "-w", `net.ipv4.conf.${key}.arp_announce=2`]);
    }
    const hostsBatch = [`link set ssb${runId}h name up0`, "link set lo up", "link set up0 up"];
    const liveIps: string[] = [];
    for (let i = 1; i <= hostCount; i++) {
      const addr = `${BUSY_PREFIX}.${i}`;
      liveIps.push(addr);
      hostsBatch.push(
        `link add link up0 name h${i} address ${mac(i)} type macvlan mode bridge`,
        `addr add ${addr}/24 dev h${i}`,
        `link set h${i} up`,
      );
    }
    if (dnsKind === "answering")
      hostsBatch.push(
        `link add link up0 name h${DNS_HOST} address ${mac(DNS_HOST)} type macvlan mode bridge`,
        `addr add ${BUSY_PREFIX}.${DNS_HOST}/24 dev h${DNS_HOST}`,
        `link set h${DNS_HOST} up`,
      );
    ip(["-n", hostsNs, "-batch", "-"], `${hostsBatch.join("\n")}\n`);
    if (dnsKind === "answering") {
      liveIps.push(`${BUSY_PREFIX}.${DNS_HOST}`);
      dnsmasq = spawn(
        "ip",
        [
          "netns",
          "exec",
          hostsNs,
          "dnsmasq",
          "--keep-in-foreground",
          "--no-resolv",
          "--no-hosts",
          "--bogus-priv",
          "--bind-interfaces",
          `--listen-address=${BUSY_PREFIX}.${DNS_HOST}`,
          "--port=53",
          "--user=root",
          "--pid-file=",
          "--log-facility=/dev/null",
        ],
        { stdio: "ignore" },
      );
      waitForDns(agentNs, `${BUSY_PREFIX}.${DNS_HOST}`);
    }

    for (const ns of [agentNs, hostsNs]) {
      const routes = ip(["-n", ns, "route", "show", "default"]).trim();
      if (routes) throw new Error(`${ns} has a default route (${routes}): refusing to run`);
    }
    return {
      runId,
      agentNs,
      hostsNs,
      iface: "eth0",
      busyCidr: `${BUSY_PREFIX}.0/24`,
      liveIps,
      emptyCidr: EMPTY_CIDR,
      dns: { kind: dnsKind, server: dnsServer },
      down,
    };
  } catch (error) {
    down();
    throw error;
  }
}

function waitForDns(agentNs: string, server: string): void {
  for (let i = 0; i < 50; i++) {
    try {
      execFileSync(
        "ip",
        ["netns", "exec", agentNs, "dig", "+time=1", "+tries=1", `@${server}`, "-x", "10.201.0.1"],
        { stdio: "ignore", timeout: 5000 },
      );
      return;
    } catch {
      execFileSync("sleep", ["0.1"]);
    }
  }
  throw new Error(`dnsmasq at ${server} did not answer`);
}

/** Leftovers of crashed runs: every `ssb????-agent|hosts` namespace (only this file's names). */
export function tearDownStaleScaleLabs(): string[] {
  const names = ip(["netns", "list"])
    .split("\n")
    .map((l) => l.split(" ")[0] ?? "")
    .filter((n) => /^ssb[0-9a-f]{4}-(agent|hosts)$/.test(n));
  for (const n of names) {
    try {
      ip(["netns", "del", n]);
    } catch {}
    rmSync(join("/etc/netns", n), { recursive: true, force: true });
  }
  return names;
}
