import { spawn } from "node:child_process";
import { existsSync, openSync, closeSync } from "node:fs";
import { appendFile, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { HostSpec } from "../scenarios/types.js";
import type { LabContext } from "./context.js";
import { prepareDaemon, shq, socketsOf, type Sockets } from "./daemon-configs.js";

/**
 * Paths Samba, snmpd, NUT, nginx and dnsmasq use before (or regardless of) their config. Each
 * host gets private copies through bind mounts in its own mount namespace, so two lab hosts never
 * share a pid file, socket or tdb (sharing them breaks SMB logins with NT_STATUS_INTERNAL_ERROR).
 */
const PRIVATE_PATHS: Record<string, string> = {
  "/run/samba": "run-samba",
  "/var/lib/samba": "lib-samba",
  "/var/cache/samba": "cache-samba",
  "/var/log/samba": "log-samba",
  "/var/lib/snmp": "lib-snmp",
  "/run/nut": "run-nut",
  "/etc/nut": "etc-nut",
  "/var/lib/nginx": "lib-nginx",
  "/var/log/nginx": "log-nginx",
  "/var/lib/misc": "lib-misc",
};

export interface StartedHost {
  host: HostSpec;
  ns: string;
  pid: number;
  sockets: Sockets;
}

/**
 * Starts every daemon of one host: `ip netns exec NS unshare -m -u --propagation private sh start.sh`,
 * where start.sh bind-mounts the private paths, sets the device's host name (NTLM target info,
 * sysName) and launches the daemons in the background. The shell stays as their parent.
 */
export async function startHost(ctx: LabContext, h: HostSpec): Promise<StartedHost | undefined> {
  if (h.daemons.length === 0) return undefined;
  const dir = ctx.hostDir(h);
  const priv = join(dir, "priv");
  await mkdir(priv, { recursive: true });
  const mounts: string[] = [];
  for (const [target, name] of Object.entries(PRIVATE_PATHS)) {
    if (!existsSync(target)) continue;
    await mkdir(join(priv, name), { recursive: true });
    mounts.push(`mount --bind ${shq(join(priv, name))} ${shq(target)}`);
  }
  await mkdir(join(priv, "lib-samba", "private"), { recursive: true });
  const scripts = await Promise.all(h.daemons.map((d, i) => prepareDaemon(ctx, h, d, i)));
  const script = [
    "#!/bin/sh",
    `# sweetspot lab ${ctx.runId}: ${h.name} (${h.role})`,
    "set -e",
    ...mounts,
    `hostname ${shq(h.name)}`,
    "set +e",
    ...scripts.flatMap((s) => s.lines),
    "wait",
    "",
  ].join("\n");
  const startSh = join(dir, "start.sh");
  await writeFile(startSh, script, { mode: 0o755 });

  const ns = ctx.hostNs(h);
  const out = openSync(join(dir, "start.log"), "a");
  const child = spawn(
    "ip",
    ["netns", "exec", ns, "unshare", "-m", "-u", "--propagation", "private", "sh", startSh],
    { detached: true, stdio: ["ignore", out, out], env: { ...process.env, MIBS: "" } },
  );
  closeSync(out);
  child.unref();
  if (!child.pid) throw new Error(`lab: could not start the daemons of ${h.name}`);
  await appendFile(join(ctx.dir, "pids"), `${child.pid} ${ns} ${h.name}\n`);

  const sockets: Sockets = { tcp: [], udp: [] };
  for (const d of h.daemons) {
    const s = socketsOf(d);
    sockets.tcp.push(...s.tcp);
    sockets.udp.push(...s.udp);
  }
  return { host: h, ns, pid: child.pid, sockets };
}
