/**
 * Hands-on lab: `npm run lab -- up office`, `npm run lab -- list`, `npm run lab -- down [RUN_ID]`,
 * `npm run lab -- clean`. Labs started here stay up until `down` or `clean`.
 */
import { Command, InvalidArgumentError } from "commander";
import { bringUp, SCENARIO_NAMES, type ScenarioName, tearDownAll } from "./index.js";
import { listRuns, tearDownRun } from "./engine/teardown.js";

function scenarioArg(v: string): ScenarioName {
  if (!(SCENARIO_NAMES as string[]).includes(v)) {
    throw new InvalidArgumentError(`choose one of ${SCENARIO_NAMES.join(", ")}`);
  }
  return v as ScenarioName;
}

const program = new Command("lab")
  .description("the sweetspot test LAN lab (needs root): emulated office networks in network namespaces")
  .showHelpAfterError();

program
  .command("up")
  .description("bring a scenario up and leave it running")
  .argument("<scenario>", SCENARIO_NAMES.join(" | "), scenarioArg)
  .option("--run-id <id>", "4 characters [a-z0-9] (default: random)")
  .action(async (scenario: ScenarioName, o: { runId?: string }) => {
    const t0 = Date.now();
    const lab = await bringUp(scenario, { runId: o.runId, mode: "cli" });
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    const t = lab.truth;
    console.log(`lab ${scenario} up in ${secs} s: run ${lab.runId}, ${t.hosts.length} hosts on ${t.cidr}`);
    console.log(
      `  agent namespace: ${lab.agentNs} (${t.agent.ip}, gateway ${t.gateway}, DNS ${t.dnsServer})`,
    );
    console.log(`  ground truth:    ${lab.truthPath}`);
    for (const h of t.hosts)
      console.log(`    ${h.ip.padEnd(13)} ${h.role.padEnd(18)} ${h.name.padEnd(14)} ${h.vendor}`);
    console.log("  try:");
    console.log(`    ip netns exec ${lab.agentNs} nmap -sn ${t.cidr}`);
    console.log(
      `    ip netns exec ${lab.agentNs} nmap -sS -sU -p T:22,23,53,80,88,135,139,389,443,445,3389,U:53,137,161 ${t.cidr}`,
    );
    console.log(`    ip netns exec ${lab.agentNs} bash    # a shell "plugged into" the prospect's LAN`);
    console.log(`  stop it with: npm run lab -- down ${lab.runId}`);
  });

program
  .command("down")
  .description("tear down a lab started with `up` (the only one, or the run id given: see `list`)")
  .argument("[run-id]")
  .action(async (runId?: string) => {
    const runs = await listRuns();
    const cliRuns = runs.filter((r) => r.owner?.mode === "cli");
    const target = runId
      ? runs.find((r) => r.runId === runId)
      : cliRuns.length === 1
        ? cliRuns[0]
        : undefined;
    if (!target) {
      // Several people may share this machine: never guess which of their labs to stop.
      const ids = cliRuns.map((r) => `${r.runId} (${r.owner?.scenario})`).join(", ");
      throw new Error(
        runId
          ? `no lab run "${runId}" (see: npm run lab -- list)`
          : cliRuns.length === 0
            ? "no lab started with `up` is running"
            : `several labs are up: ${ids}; name one: npm run lab -- down RUN_ID`,
      );
    }
    const t0 = Date.now();
    await tearDownRun(target.runId);
    console.log(
      `lab run ${target.runId} (${target.owner?.scenario ?? "?"}) down in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
  });

program
  .command("list")
  .description("list lab runs on this machine")
  .action(async () => {
    const runs = await listRuns();
    if (runs.length === 0) return console.log("no lab runs");
    for (const r of runs) {
      const o = r.owner;
      const by = o
        ? `${o.mode === "cli" ? "left up by `lab up`" : `test process ${o.pid}${r.ownerAlive ? "" : " (gone: stale)"}`}`
        : "no owner record (stale)";
      console.log(
        `${r.runId}  ${(o?.scenario ?? "?").padEnd(20)} ${String(r.namespaces.length).padStart(3)} namespaces  since ${o?.startedAt ?? "?"}  ${by}`,
      );
    }
  });

program
  .command("clean")
  .description("remove every lab namespace, daemon and run directory on this machine (crash clean-up)")
  .action(async () => {
    const before = await listRuns();
    await tearDownAll();
    console.log(`removed ${before.length} lab run(s)`);
  });

program.parseAsync(process.argv).catch((e: unknown) => {
  console.error(`lab: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
