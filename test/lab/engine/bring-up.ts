import { existsSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { LabHandle, ScenarioName } from "../lab-types.js";
import { SCENARIOS } from "../scenarios/index.js";
import type { ScenarioSpec } from "../scenarios/types.js";
import { LabContext } from "./context.js";
import { type StartedHost, startHost } from "./hosts.js";
import { newRunId, RUN_ID_PATTERN } from "./paths.js";
import { waitUntilListening } from "./readiness.js";
import { run } from "./run.js";
import { labNamespaces, type RunOwner, tearDownRun } from "./teardown.js";
import { createTopology } from "./topology.js";
import { groundTruth } from "./truth.js";

export const LAB_UNAVAILABLE =
  "the lab needs root and Linux network namespaces: run the tests as root (CI does)";

// Typical bring-up is 2-12 s; the margin is for a cold Samba provisioning on a busy two-core machine.
const READY_TIMEOUT_MS = 60_000;

/** Fails loudly when the lab cannot run here; never falls back to the machine's real network. */
export async function checkLabPrerequisites(): Promise<void> {
  if (process.platform !== "linux" || process.getuid?.() !== 0) {
    throw new Error(
      `${LAB_UNAVAILABLE} (running as uid ${process.getuid?.() ?? "?"} on ${process.platform})`,
    );
  }
  const r = await run(["ip", "netns", "list"], { timeoutMs: 10_000 });
  if (r.code !== 0)
    throw new Error(`${LAB_UNAVAILABLE} (\`ip netns list\` failed: ${r.stderr.trim() || r.code})`);
}

let prefixes: Map<string, string> | undefined;

/** Each host's vendor must be what nmap itself will print for its MAC. */
function checkVendors(spec: ScenarioSpec): void {
  if (!prefixes) {
    prefixes = new Map();
    for (const line of readFileSync("/usr/share/nmap/nmap-mac-prefixes", "utf8").split("\n")) {
      const m = /^([0-9A-F]{6}) (.+)$/.exec(line.trim());
      if (m) prefixes.set(m[1]!, m[2]!);
    }
  }
  for (const h of spec.hosts) {
    const oui = h.mac.replaceAll(":", "").slice(0, 6).toUpperCase();
    if (prefixes.get(oui) !== h.vendor) {
      throw new Error(
        `lab scenario ${spec.name}: ${h.name}'s MAC ${h.mac} is "${prefixes.get(oui)}" in nmap-mac-prefixes, not "${h.vendor}"`,
      );
    }
  }
}

/** Debian's samba-ad-dc only recommends the schema files; without them provisioning fails deep inside Python. */
function checkSambaProvisionFiles(spec: ScenarioSpec): void {
  const needsDc = spec.hosts.some((h) => h.daemons.some((d) => d.kind === "samba-dc"));
  if (needsDc && !existsSync("/usr/share/samba/setup/ad-schema")) {
    throw new Error(
      `lab scenario ${spec.name} needs a Samba AD DC, but samba-ad-provision is not installed: apt-get install samba-ad-provision`,
    );
  }
}

export interface BringUpOptions {
  runId?: string;
  /** "cli" labs stay up after the process that started them exits. */
  mode?: RunOwner["mode"];
}

export async function bringUpScenario(name: ScenarioName, opts: BringUpOptions = {}): Promise<LabHandle> {
  const spec = SCENARIOS[name];
  if (!spec) throw new Error(`lab: unknown scenario "${name}" (office, shop, growing, office-next-quarter)`);
  await checkLabPrerequisites();
  checkVendors(spec);
  checkSambaProvisionFiles(spec);
  const runId = opts.runId ?? newRunId();
  if (!RUN_ID_PATTERN.test(runId)) throw new Error(`lab: run id "${runId}" must be 4 characters [a-z0-9]`);
  if ((await labNamespaces()).some((ns) => ns.startsWith(`ss${runId}-`))) {
    throw new Error(`lab: run id ${runId} is already in use (see \`npm run lab -- list\`)`);
  }
  const ctx = new LabContext(spec, runId);
  await mkdir(ctx.dir, { recursive: true });
  const owner: RunOwner = {
    pid: process.pid,
    mode: opts.mode ?? "test",
    scenario: name,
    startedAt: new Date().toISOString(),
  };
  await writeFile(join(ctx.dir, "owner.json"), `${JSON.stringify(owner)}\n`);

  const truth = groundTruth(ctx);
  const truthPath = join(ctx.dir, "truth.json");
  try {
    await createTopology(ctx);
    const started = (await Promise.all(spec.hosts.map((h) => startHost(ctx, h)))).filter(
      (h): h is StartedHost => h !== undefined,
    );
    await waitUntilListening(ctx, started, READY_TIMEOUT_MS);
    await writeFile(truthPath, `${JSON.stringify(truth, null, 2)}\n`);
  } catch (e) {
    await tearDownRun(runId, { keepDir: true }).catch(() => {});
    throw e;
  }

  const agentNs = ctx.agentNs;
  return {
    scenario: name,
    runId,
    agentNs,
    truth,
    truthPath,
    execInAgent: (argv, o = {}) => {
      const asUser =
        o.uid === undefined
          ? []
          : ["setpriv", `--reuid=${o.uid}`, `--regid=${o.uid}`, "--clear-groups", "--"];
      return run(["ip", "netns", "exec", agentNs, ...asUser, ...argv], {
        timeoutMs: o.timeoutMs,
        env: { ...process.env, ...o.env },
      });
    },
    down: () => tearDownRun(runId),
  };
}
