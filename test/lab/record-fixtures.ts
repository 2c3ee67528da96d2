/**
 * Re-records the nmap XML fixtures of the parser's unit tests from the lab: for each scenario
 * (default: all), brings it up, runs a discovery, a service + script and an OS scan from the agent
 * namespace, writes test/fixtures/nmap/lab-<scenario>-{discovery,services,os}.xml, tears it down.
 *
 *   tsx test/lab/record-fixtures.ts [scenario…]      (as root)
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { packageRoot } from "../../lib/package-root.js";
import { tearDownRunSync } from "./engine/teardown.js";
import { bringUp, type LabHandle, SCENARIO_NAMES, type ScenarioName } from "./index.js";

const SCRIPTS =
  "smb-os-discovery,smb-protocols,smb2-security-mode,nbstat,ldap-rootdse,http-title,ssl-cert,snmp-sysdescr,snmp-info";
const PORTS =
  "T:21,22,23,53,80,88,135,139,389,443,445,515,631,636,3268,3389,3493,5000,5001,6160,9100,9392,9401,10005,U:53,137,161";

function scans(lab: LabHandle): { name: string; args: string[] }[] {
  const t = lab.truth;
  const exclude = ["--exclude", t.agent.ip];
  return [
    { name: "discovery", args: ["-sn", ...exclude, t.cidr] },
    {
      name: "services",
      args: ["-sS", "-sU", "-sV", "-T4", "-p", PORTS, "--script", SCRIPTS, ...exclude, t.cidr],
    },
    { name: "os", args: ["-O", "-sS", "-T4", "-p", "22,80,135,139,443,445,3389", ...exclude, t.cidr] },
  ];
}

let current: string | undefined;
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.once(sig, () => {
    if (current) tearDownRunSync(current);
    process.kill(process.pid, sig);
  });
}

async function record(scenario: ScenarioName, outDir: string): Promise<void> {
  const t0 = Date.now();
  const lab = await bringUp(scenario);
  current = lab.runId;
  console.log(`${scenario}: up in ${((Date.now() - t0) / 1000).toFixed(1)} s (run ${lab.runId})`);
  try {
    for (const scan of scans(lab)) {
      const s0 = Date.now();
      const r = await lab.execInAgent(["nmap", "-oX", "-", ...scan.args], { timeoutMs: 540_000 });
      if (r.code !== 0 || !r.stdout.includes("</nmaprun>")) {
        throw new Error(`${scenario} ${scan.name}: nmap exited ${r.code}: ${r.stderr.trim().slice(0, 500)}`);
      }
      const file = join(outDir, `lab-${scenario}-${scan.name}.xml`);
      await writeFile(file, r.stdout);
      console.log(`  ${scan.name}: ${((Date.now() - s0) / 1000).toFixed(1)} s -> ${file}`);
    }
  } finally {
    const d0 = Date.now();
    await lab.down();
    current = undefined;
    console.log(`${scenario}: down in ${((Date.now() - d0) / 1000).toFixed(1)} s`);
  }
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  for (const w of wanted) {
    if (!(SCENARIO_NAMES as string[]).includes(w))
      throw new Error(`unknown scenario "${w}" (${SCENARIO_NAMES.join(", ")})`);
  }
  const scenarios = (wanted.length > 0 ? wanted : SCENARIO_NAMES) as ScenarioName[];
  const outDir = join(packageRoot(), "test/fixtures/nmap");
  await mkdir(outDir, { recursive: true });
  for (const s of scenarios) await record(s, outDir);
}

main().catch((e: unknown) => {
  console.error(`record-fixtures: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
