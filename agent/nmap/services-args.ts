import { dnsArgs, excludeArgs, type NmapSettings } from "./nmap-settings.js";
import { PORT_LIST, portSpec } from "./port-list.js";

/**
 * Safe NSE scripts for the TCP pass, worth their time on a first visit. Left out: `banner` (-sV
 * already keeps the service fingerprint, and banner waits seconds on every silent port) and
 * anything brute, intrusive or vuln. The UDP ones (snmp-sysdescr, upnp-info) run in the UDP pass.
 */
export const SAFE_SCRIPTS = [
  "smb-os-discovery",
  "smb-protocols",
  "smb2-security-mode",
  "nbstat",
  "ldap-rootdse",
  "rdp-ntlm-info",
  "http-title",
  "http-server-header",
  "ssl-cert",
  "ftp-anon",
  "vnc-info",
];

export interface ServicesArgsInput {
  hosts: string[];
  excludes: string[];
  privileged: boolean;
  maxPacketsPerSecond: number;
  perHostTimeoutSeconds: number;
  settings: NmapSettings;
}

/**
 * A script may not take longer than this per host and port: a silent or tarpitting service
 * otherwise holds the whole batch.
 */
export const SCRIPT_TIMEOUT_SECONDS = 20;

/**
 * nmap's -sV intensity. 2 (nmap's --version-light) named the same products and versions as 5 in
 * the lab, in half the time: silent ports cost a wait per probe tried, and 5 tries many more.
 */
export const VERSION_INTENSITY = 2;

/** UDP services are read by these scripts; UDP -sV is left out (it multiplies the UDP time). */
export const UDP_SCRIPTS = ["nbstat", "snmp-sysdescr", "upnp-info"];

/** The TCP pass: ports, versions, safe scripts and (privileged) the OS fingerprint. */
export function servicesArgs(input: ServicesArgsInput): string[] {
  // Unprivileged nmap cannot send raw packets: connect() scan, no OS fingerprint.
  return [
    "-Pn", // discovery already found these hosts up
    input.privileged ? "-sS" : "-sT",
    "-p",
    portSpec(PORT_LIST, ["tcp"]),
    "-sV",
    "--version-intensity",
    String(VERSION_INTENSITY),
    ...(input.privileged
      ? [
          "-O",
          "--osscan-limit",
          "--max-os-tries",
          "1",
        ] /* retries of inexact matches held whole batches (BENCHMARKS.md) */
      : []),
    "--script",
    SAFE_SCRIPTS.join(","),
    ...common(input),
  ];
}

/** The UDP pass (privileged only: UDP scanning needs raw sockets). */
export function udpArgs(input: ServicesArgsInput): string[] {
  return [
    "-Pn",
    "-sU",
    "-p",
    portSpec(PORT_LIST, ["udp"]),
    "--script",
    UDP_SCRIPTS.join(","),
    ...common(input),
  ];
}

/**
 * A second look at TLS ports whose certificate the first pass missed (ssl-cert gives up quietly
 * when a handshake is slow, which a loaded host or a busy batch makes likely).
 */
export function tlsRetryArgs(input: ServicesArgsInput & { ports: number[] }): string[] {
  return [
    "-Pn",
    input.privileged ? "-sS" : "-sT",
    "-p",
    [...new Set(input.ports)].sort((a, b) => a - b).join(","),
    "--script",
    "ssl-cert",
    ...common(input),
  ];
}

function common(input: ServicesArgsInput): string[] {
  return [
    "--script-timeout",
    `${SCRIPT_TIMEOUT_SECONDS}s`,
    "--host-timeout",
    `${input.perHostTimeoutSeconds}s`,
    "-T4",
    "--max-retries",
    "2",
    "--max-rate",
    String(input.maxPacketsPerSecond),
    "--min-hostgroup",
    String(input.hosts.length),
    "--stats-every",
    "5s",
    ...dnsArgs(),
    ...excludeArgs(input.excludes),
    "-oX",
    "-",
    ...input.hosts,
  ];
}

/** What an unprivileged run could not do, for the Audit's warnings. */
export function unprivilegedServiceSkips(): string[] {
  const udp = PORT_LIST.filter((e) => e.protocol === "udp").map((e) => e.port);
  return [
    "TCP connect scan (-sT) instead of SYN scan: raw sockets need root or CAP_NET_RAW",
    `UDP ports not scanned (${[...new Set(udp)].join(", ")}): UDP scanning needs raw sockets`,
    "OS detection (-O) skipped: it needs raw sockets",
  ];
}

/** The service scan's nmap processes: TCP batches in the order to start them, and UDP batches. */
export interface ServicePlan {
  tcp: string[][];
  udp: string[][];
}

/**
 * UDP batches cover this many TCP batches' worth of hosts: a UDP pass is 12 ports and a few
 * scripts, and its time hardly grows with the hosts in it.
 */
export const UDP_BATCH_FACTOR = 4;

/**
 * Hosts in address order. The first `batchSize` hosts get TCP batches of half the size: offices put
 * gateways, servers, NAS and printers at low static addresses and hand out the rest by DHCP, and
 * nmap ends a host group only when its slowest host has finished every phase, so one busy server
 * held seven others (BENCHMARKS.md). Smaller still would cost more than it saves: each batch
 * waits out its own slow services, and the packet budget is shared by the processes.
 */
export function planServicePasses(ips: string[], batchSize: number, udp: boolean): ServicePlan {
  const size = Math.max(1, Math.floor(batchSize));
  const leadCount = Math.min(ips.length, size);
  const tcp = [
    ...splitIntoBatches(ips.slice(0, leadCount), Math.ceil(size / 2)),
    ...splitIntoBatches(ips.slice(leadCount), size),
  ];
  return { tcp, udp: udp ? splitIntoBatches(ips, size * UDP_BATCH_FACTOR) : [] };
}

/** Splits hosts into batches of at most `size`, keeping order. */
export function splitIntoBatches<T>(items: T[], size: number): T[][] {
  const batchSize = Math.max(1, Math.floor(size));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += batchSize) out.push(items.slice(i, i + batchSize));
  return out;
}
