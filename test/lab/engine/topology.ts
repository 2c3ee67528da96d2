import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { HostSpec } from "../scenarios/types.js";
import { INTERNET, type LabContext } from "./context.js";
import { netnsEtcDir } from "./paths.js";
import { runOk } from "./run.js";

/**
 * Builds the lab's wiring. Every link is created inside lab namespaces (`ip -n`), so nothing is
 * ever attached to, or named in, the machine's own namespace: one switch namespace holding a
 * bridge, a veth per endpoint, and the firewall's second leg into the "internet" namespace.
 * The only routes are the lab /24, the default route via the lab gateway, and TEST-NET-3.
 */
export async function createTopology(ctx: LabContext): Promise<void> {
  const { spec } = ctx;
  await Promise.all(ctx.allNamespaces().map((ns) => runOk(["ip", "netns", "add", ns])));

  const endpoints: { key: string; ns: string; mac: string; ip: string; isGateway: boolean }[] = [
    { key: "agent", ns: ctx.agentNs, mac: spec.agent.mac, ip: ctx.agentIp, isGateway: false },
    ...spec.hosts.map((h) => ({
      key: h.key,
      ns: ctx.hostNs(h),
      mac: h.mac,
      ip: ctx.ip(h.octet),
      isGateway: h.key === spec.gatewayKey,
    })),
  ];

  const switchCmds = [
    "link set lo up",
    "link add br0 type bridge forward_delay 0 stp_state 0",
    "link set br0 up",
    ...endpoints.flatMap((e) => [
      `link add p${e.key} type veth peer name eth0 address ${e.mac} netns ${e.ns}`,
      `link set p${e.key} master br0`,
      `link set p${e.key} up`,
    ]),
  ];
  await batch(ctx.switchNs, switchCmds);

  await Promise.all(
    endpoints.map((e) => {
      const cmds = ["link set lo up", `addr add ${e.ip}/24 dev eth0`, "link set eth0 up"];
      if (e.isGateway) {
        cmds.push(
          `link add eth1 type veth peer name eth0 netns ${ctx.internetNs}`,
          `addr add ${INTERNET.firewallSide}/${INTERNET.prefix} dev eth1`,
          "link set eth1 up",
        );
      } else {
        cmds.push(`route add default via ${ctx.gateway}`);
      }
      return batch(e.ns, cmds);
    }),
  );
  await batch(ctx.internetNs, [
    "link set lo up",
    `addr add ${INTERNET.target}/${INTERNET.prefix} dev eth0`,
    "link set eth0 up",
    `route add ${ctx.cidr} via ${INTERNET.firewallSide}`,
  ]);

  await Promise.all([
    ...spec.hosts.map((h) => sysctls(ctx.hostNs(h), hostSysctls(ctx, h))),
    sysctls(ctx.agentNs, []),
  ]);
  await writeNetnsEtc(ctx);
}

function hostSysctls(ctx: LabContext, h: HostSpec): string[] {
  const s: string[] = [];
  if (h.key === ctx.spec.gatewayKey) s.push("net.ipv4.ip_forward=1");
  // Windows answers with TTL 128 and, by default, without TCP timestamps.
  if (h.windowsTtl) s.push("net.ipv4.ip_default_ttl=128", "net.ipv4.tcp_timestamps=0");
  if (h.dropPing) s.push("net.ipv4.icmp_echo_ignore_all=1");
  return s;
}

/** No router advertisements or autoconfigured IPv6 beyond link-local in the lab. */
async function sysctls(ns: string, extra: string[]): Promise<void> {
  const all = ["net.ipv6.conf.all.accept_ra=0", "net.ipv6.conf.default.accept_ra=0", ...extra];
  await runOk(["ip", "netns", "exec", ns, "sysctl", "-q", "-w", ...all]);
}

async function batch(ns: string, cmds: string[]): Promise<void> {
  await runOk(["ip", "-n", ns, "-batch", "-"], { input: `${cmds.join("\n")}\n` });
}

/**
 * /etc/netns/<ns>/{resolv.conf,hosts}: `ip netns exec` binds them over /etc, so every lab
 * process resolves through the lab's DNS server, as a DHCP client would, never the real one.
 */
async function writeNetnsEtc(ctx: LabContext): Promise<void> {
  const search = ctx.spec.searchDomain ? `search ${ctx.spec.searchDomain}\n` : "";
  const resolv = `# sweetspot lab ${ctx.runId}\nnameserver ${ctx.dnsServer}\n${search}`;
  const named = [
    { ns: ctx.agentNs, ip: ctx.agentIp, name: "sweetspot-agent" },
    { ns: ctx.switchNs, ip: undefined, name: "switch" },
    { ns: ctx.internetNs, ip: INTERNET.target, name: "internet" },
    ...ctx.spec.hosts.map((h) => ({ ns: ctx.hostNs(h), ip: ctx.ip(h.octet), name: h.name })),
  ];
  await Promise.all(
    named.map(async ({ ns, ip, name }) => {
      const dir = netnsEtcDir(ns);
      await mkdir(dir, { recursive: true });
      const fqdn = ctx.spec.searchDomain ? `${name}.${ctx.spec.searchDomain} ` : "";
      const hosts = `127.0.0.1 localhost\n${ip ? `${ip} ${fqdn}${name}\n` : ""}`;
      await writeFile(join(dir, "resolv.conf"), resolv);
      await writeFile(join(dir, "hosts"), hosts);
    }),
  );
}
