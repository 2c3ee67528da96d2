import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { packageRoot } from "../../../lib/package-root.js";
import type { DaemonSpec, HostSpec, NginxSite } from "../scenarios/types.js";
import { makeCert } from "./certs.js";
import type { LabContext } from "./context.js";
import { LAB_ROOT } from "./paths.js";

/** Sockets a daemon must have open before the lab counts as up, and the services it shows. */
export interface Sockets {
  tcp: number[];
  udp: number[];
}

const DC_TCP = [53, 88, 135, 139, 389, 445, 464, 636, 3268, 3269];
const DC_UDP = [53, 88, 137, 138, 389, 464];

export function socketsOf(d: DaemonSpec): Sockets {
  switch (d.kind) {
    case "samba-dc":
      return { tcp: DC_TCP, udp: DC_UDP };
    case "samba-fs":
      return { tcp: [139, 445], udp: [137, 138] };
    case "nmbd":
      return { tcp: [], udp: [137, 138] };
    case "snmpd":
      return { tcp: [], udp: [161] };
    case "nut":
      return { tcp: [3493], udp: [] };
    case "nginx":
      return { tcp: d.sites.map((s) => s.port), udp: [] };
    case "listener":
      return { tcp: d.ports.map((p) => p.port), udp: [] };
    case "dnsmasq":
      return { tcp: [53], udp: [53] };
  }
}

/** "445/tcp"-style list of everything a host exposes, sorted by port. */
export function servicesOf(h: HostSpec): string[] {
  const set = new Set<string>();
  for (const d of h.daemons) {
    const s = socketsOf(d);
    for (const p of s.tcp) set.add(`${p}/tcp`);
    for (const p of s.udp) set.add(`${p}/udp`);
  }
  return [...set].sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10) || a.localeCompare(b));
}

/** Single-quote for sh. */
export function shq(s: string): string {
  return `'${s.replaceAll("'", `'\\''`)}'`;
}

/** A line of start.sh that runs one daemon in the background with its output in a log. */
function bg(cmd: string, log: string): string {
  return `${cmd} >${shq(log)} 2>&1 &`;
}

export interface DaemonScript {
  /** Lines of the host's start.sh (run inside its own mount + UTS namespace). */
  lines: string[];
}

/** Writes a daemon's config files under the host's directory and returns how start.sh runs it. */
export async function prepareDaemon(
  ctx: LabContext,
  h: HostSpec,
  d: DaemonSpec,
  index: number,
): Promise<DaemonScript> {
  const dir = ctx.hostDir(h);
  const log = (name: string) => join(dir, `${name}.log`);
  const netbios = h.name.toUpperCase().slice(0, 15);
  switch (d.kind) {
    case "samba-dc":
      return sambaDc(ctx, h, d, log("samba"));
    case "samba-fs": {
      const conf = join(dir, "smb.conf");
      const shareDir = join(dir, "shares");
      const shares = await Promise.all(
        d.shares.map(async (s) => {
          await mkdir(join(shareDir, s), { recursive: true });
          return `[${s}]\n  path = ${join(shareDir, s)}\n  read only = yes\n  guest ok = yes\n`;
        }),
      );
      await writeFile(
        conf,
        smbGlobal({
          workgroup: d.workgroup,
          netbios,
          serverString: d.serverString,
          extra: [
            `server min protocol = ${d.smb1 ? "NT1" : "SMB2_02"}`,
            "map to guest = Bad User",
            "load printers = no",
            "printing = bsd",
            "printcap name = /dev/null",
            "disable spoolss = yes",
          ],
        }) + shares.join(""),
      );
      return {
        lines: [
          bg(`smbd -F --no-process-group --debug-stdout -s ${shq(conf)}`, log("smbd")),
          bg(`nmbd -F --no-process-group --debug-stdout -s ${shq(conf)}`, log("nmbd")),
        ],
      };
    }
    case "nmbd": {
      const conf = join(dir, "nmbd.conf");
      await writeFile(
        conf,
        smbGlobal({
          workgroup: d.workgroup,
          netbios,
          serverString: d.serverString ?? "",
          extra: ["smb ports = 65535"],
        }),
      );
      return { lines: [bg(`nmbd -F --no-process-group --debug-stdout -s ${shq(conf)}`, log("nmbd"))] };
    }
    case "snmpd": {
      const conf = join(dir, `snmpd-${index}.conf`);
      const lines = [
        "agentaddress udp:161",
        "rocommunity public default",
        `sysDescr ${d.sysDescr}`,
        `sysObjectID ${d.sysObjectID}`,
        `sysName ${h.name}`,
        `sysLocation ${d.sysLocation ?? "Head office"}`,
        `sysContact ${d.sysContact ?? "it@example.com"}`,
        ...(d.values ?? []).map(
          (v) =>
            `override ${v.oid} ${v.type} ${typeof v.value === "string" ? JSON.stringify(v.value) : v.value}`,
        ),
      ];
      await writeFile(conf, `${lines.join("\n")}\n`);
      return {
        lines: [bg(`snmpd -f -Lo -C -c ${shq(conf)} -p ${shq(join(dir, "snmpd.pid"))}`, log("snmpd"))],
      };
    }
    case "nut": {
      const etc = join(dir, "priv", "etc-nut");
      await mkdir(etc, { recursive: true });
      const vars = Object.entries(d.vars).map(([k, v]) => `${k}: ${v}`);
      await writeFile(join(etc, "ups.dev"), `${vars.join("\n")}\n`);
      await writeFile(
        join(etc, "ups.conf"),
        `[${d.upsName}]\n  driver = dummy-ups\n  port = ups.dev\n  desc = "${d.vars["ups.model"] ?? "UPS"}"\n`,
      );
      await writeFile(join(etc, "upsd.conf"), "LISTEN 0.0.0.0 3493\n");
      await writeFile(join(etc, "upsd.users"), "[monitor]\n  password = lab-monitor\n  upsmon secondary\n");
      await writeFile(join(etc, "nut.conf"), "MODE=netserver\n");
      return {
        lines: [
          bg(`/lib/nut/dummy-ups -a ${d.upsName} -u root -F`, log("dummy-ups")),
          bg("/lib/nut/upsd -F -u root", log("upsd")),
        ],
      };
    }
    case "nginx":
      return nginx(dir, h, d.sites, log("nginx"));
    case "listener": {
      const listener = join(packageRoot(), "test/lab/daemons/listener.ts");
      return {
        lines: [
          `cd ${shq(packageRoot())}`,
          bg(
            `${shq(process.execPath)} --import tsx ${shq(listener)} ${shq(JSON.stringify(d.ports))}`,
            log("listener"),
          ),
        ],
      };
    }
    case "dnsmasq": {
      const records = [
        ...ctx.spec.hosts.map((x) => `--host-record=${x.name}.${d.domain},${x.name},${ctx.ip(x.octet)}`),
        `--host-record=sweetspot-agent.${d.domain},sweetspot-agent,${ctx.agentIp}`,
      ];
      const args = [
        "dnsmasq",
        "--keep-in-foreground",
        "--conf-file=/dev/null",
        "--no-resolv",
        "--no-hosts",
        "--no-poll",
        "--bogus-priv",
        "--domain-needed",
        "--user=root",
        "--group=root",
        "--log-facility=-",
        `--pid-file=${join(dir, "dnsmasq.pid")}`,
        `--domain=${d.domain}`,
        `--local=/${d.domain}/`,
        ...records,
      ];
      return { lines: [bg(args.map(shq).join(" "), log("dnsmasq"))] };
    }
  }
}

function smbGlobal(o: { workgroup: string; netbios: string; serverString: string; extra: string[] }): string {
  return [
    "[global]",
    `  workgroup = ${o.workgroup}`,
    `  netbios name = ${o.netbios}`,
    `  server string = ${o.serverString}`,
    "  server role = standalone server",
    "  security = user",
    "  interfaces = eth0",
    "  local master = no",
    "  domain master = no",
    "  preferred master = no",
    "  dns proxy = no",
    "  log level = 1",
    ...o.extra.map((l) => `  ${l}`),
    "",
  ].join("\n");
}

/**
 * Samba AD DC. Provisioned inside the DC's own mount namespace into /var/lib/samba/ad (a private
 * bind mount), so the same path works in every run and a provisioned copy can be cached: later
 * bring-ups copy it instead of spending ~6 s of CPU in samba-tool.
 */
async function sambaDc(
  ctx: LabContext,
  h: HostSpec,
  d: Extract<DaemonSpec, { kind: "samba-dc" }>,
  log: string,
): Promise<DaemonScript> {
  const ip = ctx.ip(h.octet);
  const key = createHash("sha256")
    .update(JSON.stringify([d.realm, d.domain, d.adminPassword, h.name, ip, "samba-4.17-v1"]))
    .digest("hex")
    .slice(0, 16);
  const cache = join(LAB_ROOT, "cache", `samba-dc-${key}`);
  const target = "/var/lib/samba/ad";
  const conf = `${target}/etc/smb.conf`;
  const provision = [
    "samba-tool",
    "domain",
    "provision",
    `--targetdir=${target}`,
    `--realm=${d.realm}`,
    `--domain=${d.domain}`,
    "--use-rfc2307",
    "--dns-backend=SAMBA_INTERNAL",
    "--server-role=dc",
    `--host-name=${h.name}`,
    `--host-ip=${ip}`,
    `--adminpass=${d.adminPassword}`,
  ];
  const tmp = `${cache}.tmp-${ctx.runId}`;
  return {
    lines: [
      `if [ -f ${shq(`${cache}/etc/smb.conf`)} ]; then`,
      `  cp -a ${shq(cache)} ${shq(target)}`,
      "else",
      `  ${provision.map(shq).join(" ")} >${shq(`${log}.provision`)} 2>&1 || exit 1`,
      // No forwarder: the DC answers for the lab and refuses the rest (nothing real is reachable anyway).
      `  sed -i '/dns forwarder/d' ${shq(conf)}`,
      `  mkdir -p ${shq(join(LAB_ROOT, "cache"))} && cp -a ${shq(target)} ${shq(tmp)} && (mv -T ${shq(tmp)} ${shq(cache)} 2>/dev/null || rm -rf ${shq(tmp)})`,
      "fi",
      bg(`samba -i -M single -s ${shq(conf)}`, log),
    ],
  };
}

async function nginx(dir: string, h: HostSpec, sites: NginxSite[], log: string): Promise<DaemonScript> {
  const tmp = join(dir, "nginx-tmp");
  await mkdir(tmp, { recursive: true });
  const servers = await Promise.all(
    sites.map(async (s) => {
      const root = join(dir, `www-${s.port}`);
      await mkdir(root, { recursive: true });
      await writeFile(
        join(root, "index.html"),
        `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${s.title}</title></head>\n<body><form><p>${s.title}</p><input name="username"><input name="password" type="password"></form></body></html>\n`,
      );
      let tls = "";
      if (s.tls) {
        const c = await makeCert(join(dir, "tls"), `site-${s.port}`, s.tls, {
          cn: s.certCn ?? h.name,
          org: s.certOrg,
        });
        tls = `    ssl_certificate ${c.cert};\n    ssl_certificate_key ${c.key};\n`;
      }
      return `  server {\n    listen ${s.port}${s.tls ? " ssl" : ""} default_server;\n${tls}    root ${root};\n    index index.html;\n  }\n`;
    }),
  );
  const conf = join(dir, "nginx.conf");
  await writeFile(
    conf,
    [
      "daemon off;",
      "worker_processes 1;",
      "user root root;",
      `pid ${join(dir, "nginx.pid")};`,
      `error_log ${join(dir, "nginx-error.log")};`,
      "events { worker_connections 128; }",
      "http {",
      "  access_log off;",
      "  server_tokens off;",
      "  default_type text/html;",
      `  client_body_temp_path ${tmp}/body;`,
      `  proxy_temp_path ${tmp}/proxy;`,
      `  fastcgi_temp_path ${tmp}/fastcgi;`,
      `  uwsgi_temp_path ${tmp}/uwsgi;`,
      `  scgi_temp_path ${tmp}/scgi;`,
      ...servers,
      "}",
      "",
    ].join("\n"),
  );
  return { lines: [bg(`nginx -c ${shq(conf)} -p ${shq(dir)}`, log)] };
}
