import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { run } from "../lab/engine/run.js";
import { bringUp, tearDownAll } from "../lab/index.js";

/** Tear-down leaves nothing: no namespace, /etc/netns entry, daemon or run directory of the run. */
async function namespacesOf(runId: string): Promise<string[]> {
  const r = await run(["ip", "netns", "list"]);
  return r.stdout.split("\n").filter((l) => l.startsWith(`ss${runId}-`));
}

async function processesIn(namespaces: string[]): Promise<number> {
  let n = 0;
  for (const ns of namespaces)
    n += (await run(["ip", "netns", "pids", ns])).stdout.trim().split("\n").filter(Boolean).length;
  return n;
}

describe("lab tear-down", () => {
  it("down() removes every namespace, daemon and file of the run", async () => {
    const lab = await bringUp("shop");
    const namespaces = await namespacesOf(lab.runId);
    expect(namespaces.length).toBe(lab.truth.hosts.length + 3);
    expect(await processesIn(namespaces)).toBeGreaterThan(0);
    await lab.down();
    expect(await namespacesOf(lab.runId)).toEqual([]);
    expect(existsSync(`/etc/netns/ss${lab.runId}-agent`)).toBe(false);
    expect(existsSync(lab.truthPath)).toBe(false);
  });

  it("tearDownAll(prefix) cleans up a run whose owner never called down() (crash clean-up)", async () => {
    const lab = await bringUp("shop");
    await tearDownAll(`ss${lab.runId}-`);
    expect(await namespacesOf(lab.runId)).toEqual([]);
    expect(existsSync(lab.truthPath)).toBe(false);
  });
});
