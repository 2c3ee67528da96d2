import { readdir, readFile } from "node:fs/promises";
import os from "node:os";
import ipaddr from "ipaddr.js";
import si from "systeminformation";
import type { AgentHost } from "../../../schema/audit.js";
import { defineGatherer, type GatherContext } from "../../gatherer.js";
import { reason } from "../shared/errors.js";
import { type CommandResult, runCommand } from "../shared/run-command.js";
import { withTimeLimit } from "../shared/time-limit.js";
import { antivirusFromProcessNames, parseSecurityCenterAntivirus } from "./parse-antivirus.js";
import {
  type DomainJoin,
  parseDsconfigad,
  parseLinuxDomainHints,
  parsePowershellDomain,
  parseRealmList,
  parseWmicDomain,
} from "./parse-domain-join.js";
import { parseIpconfigAll } from "./parse-ipconfig.js";
import { parseResolvConf } from "./parse-resolv-conf.js";
import { hasCapNetRaw, parseNmapVersion } from "./privileges.js";

export const LOCAL_HOST_ID = "local-host";
/** Each systeminformation call or local command gets this long. */
const STEP_TIMEOUT_MS = 8000;

/** Everything the collector reads from the machine, replaceable in tests. */
export interface LocalHostDeps {
  platform: NodeJS.Platform;
  si: Pick<
    typeof si,
    "osInfo" | "networkInterfaces" | "networkGatewayDefault" | "wifiNetworks" | "wifiConnections"
  >;
  run(file: string, args: readonly string[], timeoutMs: number): Promise<CommandResult>;
  readText(path: string): Promise<string | undefined>;
  processNames(): Promise<string[]>;
  user(): { name?: string; uid?: number };
  nodeVersion: string;
}

export const realLocalHostDeps: LocalHostDeps = {
  platform: process.platform,
  si,
  run: (file, args, timeoutMs) => runCommand(file, args, timeoutMs),
  readText: (path) => readFile(path, "utf8").catch(() => undefined),
  processNames: linuxProcessNames,
  user: () => {
    try {
      const info = os.userInfo();
      return { name: info.username, uid: info.uid };
    } catch {
      return {};
    }
  },
  nodeVersion: process.version,
};

export function createLocalHostGatherer(deps: LocalHostDeps = realLocalHostDeps) {
  return defineGatherer({
    id: LOCAL_HOST_ID,
    version: 1,
    phase: "local",
    run: (ctx) => gatherLocalHost(ctx, deps),
  });
}

export const localHostGatherer = createLocalHostGatherer();

/** Reads the agent's own host. Sends no packet: every source is local (systeminformation, files, local commands). */
export async function gatherLocalHost(ctx: GatherContext, deps: LocalHostDeps): Promise<void> {
  const done = ctx.probe({ id: LOCAL_HOST_ID, tool: "systeminformation", targets: [] });
  const step = async <T>(what: string, work: () => Promise<T>): Promise<T | undefined> => {
    if (ctx.signal.aborted) return undefined;
    try {
      return await withTimeLimit(work(), STEP_TIMEOUT_MS, what, ctx.signal);
    } catch (error) {
      ctx.warn(LOCAL_HOST_ID, `${what} unavailable: ${reason(error)}`);
      return undefined;
    }
  };

  const user = deps.user();
  const agent: AgentHost = {
    interfaces: [],
    dnsServers: [],
    privileges: { user: user.name, admin: false, rawSockets: false },
    wifiNetworks: [],
    antivirus: [],
    nodeVersion: deps.nodeVersion,
  };

  const osInfo = await step("operating system", () => deps.si.osInfo());
  if (osInfo) {
    agent.hostname = osInfo.hostname || undefined;
    agent.os = {
      platform: osInfo.platform || deps.platform,
      distro: osInfo.distro || undefined,
      release: osInfo.release || undefined,
      kernel: osInfo.kernel || undefined,
      arch: osInfo.arch || undefined,
    };
  } else {
    agent.os = { platform: deps.platform };
  }

  const [interfaces, connections] = await Promise.all([
    step("network interfaces", async () => {
      const list = await deps.si.networkInterfaces();
      return Array.isArray(list) ? list : [list];
    }),
    step("Wi-Fi connections", () => deps.si.wifiConnections()),
  ]);
  for (const nic of interfaces ?? []) {
    if (nic.internal) continue;
    const ssid = connections?.find((c) => c.iface === nic.iface)?.ssid;
    agent.interfaces.push({
      name: nic.iface,
      ip4: nic.ip4 || undefined,
      ip4Subnet: nic.ip4subnet || undefined,
      cidr: toCidr(nic.ip4, nic.ip4subnet),
      ip6: nic.ip6 || undefined,
      mac: nic.mac || undefined,
      type: nic.virtual ? "virtual" : nic.type || undefined,
      virtual: nic.virtual,
      operstate: nic.operstate || undefined,
      speedMbps: nic.speed ?? null,
      ssid: ssid || undefined,
    });
  }

  agent.gateway = (await step("default gateway", () => deps.si.networkGatewayDefault())) || undefined;

  if (deps.platform === "win32") {
    const ipconfig = await step("ipconfig /all", () => deps.run("ipconfig", ["/all"], STEP_TIMEOUT_MS));
    if (ipconfig?.stdout) {
      const parsed = parseIpconfigAll(ipconfig.stdout);
      agent.dnsServers = parsed.dnsServers;
      agent.searchDomain = parsed.primaryDnsSuffix || parsed.searchList[0];
      agent.gateway ??= parsed.gateways[0];
    }
  } else {
    // Inside `ip netns exec`, /etc/netns/<ns>/resolv.conf is bind-mounted here: the lab's DNS.
    const text = await deps.readText("/etc/resolv.conf");
    if (text === undefined) ctx.warn(LOCAL_HOST_ID, "DNS servers unknown: /etc/resolv.conf unreadable");
    else {
      const parsed = parseResolvConf(text);
      agent.dnsServers = parsed.nameservers;
      agent.searchDomain = parsed.searchDomain;
    }
  }

  agent.domainJoined = await step("domain membership", () => domainMembership(deps));
  agent.privileges = await privileges(deps, user);

  const wifi = await step("Wi-Fi networks in range", () => deps.si.wifiNetworks());
  agent.wifiNetworks = (wifi ?? [])
    .filter((n) => n.ssid)
    .map((n) => ({
      ssid: n.ssid,
      bssid: n.bssid || undefined,
      security: n.security ?? [],
      signalLevel: Number.isFinite(n.signalLevel) ? n.signalLevel : undefined,
      channel: Number.isFinite(n.channel) ? n.channel : undefined,
    }));

  agent.antivirus = (await step("antivirus", () => antivirus(deps))) ?? [];

  const nmap = await step("nmap version", () => deps.run("nmap", ["--version"], STEP_TIMEOUT_MS));
  agent.nmapVersion = nmap ? parseNmapVersion(nmap.stdout) : undefined;
  if (nmap && !agent.nmapVersion) ctx.warn(LOCAL_HOST_ID, "nmap not found on the agent host");

  ctx.draft.agent = agent;
  done(ctx.signal.aborted ? "interrupted" : "ok");
}

function toCidr(ip4: string, mask: string): string | undefined {
  try {
    if (!ip4 || !mask) return undefined;
    const bits = ipaddr.IPv4.parse(mask).prefixLengthFromSubnetMask();
    if (bits === null) return undefined;
    const network = ipaddr.IPv4.networkAddressFromCIDR(`${ip4}/${bits}`);
    return `${network.toString()}/${bits}`;
  } catch {
    return undefined;
  }
}

async function domainMembership(deps: LocalHostDeps): Promise<DomainJoin | undefined> {
  if (deps.platform === "win32") {
    const ps = await deps.run(
      "powershell",
      [
        "-NoProfile",
        "-Command",
        "Get-CimInstance Win32_ComputerSystem | Select-Object Domain,PartOfDomain | ConvertTo-Json",
      ],
      STEP_TIMEOUT_MS,
    );
    const fromPs = parsePowershellDomain(ps.stdout);
    if (fromPs) return fromPs;
    const wmic = await deps.run("wmic", ["computersystem", "get", "domain,partofdomain"], STEP_TIMEOUT_MS);
    return parseWmicDomain(wmic.stdout);
  }
  if (deps.platform === "darwin") {
    const out = await deps.run("dsconfigad", ["-show"], STEP_TIMEOUT_MS);
    return parseDsconfigad(out.stdout);
  }
  const realm = await deps.run("realm", ["list"], STEP_TIMEOUT_MS);
  const fromRealm = realm.code === 0 ? parseRealmList(realm.stdout) : undefined;
  if (fromRealm?.joined) return fromRealm;
  const hints = parseLinuxDomainHints(
    await deps.readText("/etc/sssd/sssd.conf"),
    await deps.readText("/etc/krb5.conf"),
  );
  return hints ?? fromRealm ?? { joined: false };
}

async function privileges(
  deps: LocalHostDeps,
  user: { name?: string; uid?: number },
): Promise<AgentHost["privileges"]> {
  if (deps.platform === "win32") {
    // `net session` succeeds only in an elevated shell.
    const admin = (await deps.run("net", ["session"], STEP_TIMEOUT_MS)).code === 0;
    return { user: user.name, admin, rawSockets: admin };
  }
  const admin = user.uid === 0;
  const status = deps.platform === "linux" ? await deps.readText("/proc/self/status") : undefined;
  return { user: user.name, admin, rawSockets: admin || (status !== undefined && hasCapNetRaw(status)) };
}

async function antivirus(deps: LocalHostDeps): Promise<string[]> {
  if (deps.platform === "win32") {
    const out = await deps.run(
      "powershell",
      [
        "-NoProfile",
        "-Command",
        "Get-CimInstance -Namespace root/SecurityCenter2 -ClassName AntivirusProduct | Select-Object displayName,productState | ConvertTo-Json",
      ],
      STEP_TIMEOUT_MS,
    );
    return parseSecurityCenterAntivirus(out.stdout);
  }
  return antivirusFromProcessNames(await deps.processNames());
}

/** Names of running processes from /proc/<pid>/comm (Linux); empty elsewhere. */
async function linuxProcessNames(): Promise<string[]> {
  if (process.platform !== "linux") return [];
  const entries = await readdir("/proc").catch(() => [] as string[]);
  const names = await Promise.all(
    entries
      .filter((e) => /^\d+$/.test(e))
      .map((pid) =>
        readFile(`/proc/${pid}/comm`, "utf8").then(
          (t) => t.trim(),
          () => "",
        ),
      ),
  );
  return [...new Set(names.filter(Boolean))];
}
