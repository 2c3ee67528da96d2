/**
 * The quarterly health check, end to end in the lab: scan `office`, then `office-next-quarter`
 * (one more workstation, SMB1 off on the file server, the UPS gone), compare the two audits, and
 * check the change report lists exactly those changes, with SMB1 shown as resolved.
 * Scans run only inside the lab's agent namespace (ip netns exec), never in the root namespace.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Changes, ChangesSchema } from "../../schema/assessment.js";
import { bringUp } from "../lab/index.js";
import { office } from "../lab/scenarios/office.js";
import { officeNextQuarter } from "../lab/scenarios/office-next-quarter.js";

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, "../..");
const CLI = join(ROOT, "bin", "sweetspot.js");

const ipOf = (key: string) => {
  const spec = [...office.hosts, ...officeNextQuarter.hosts].find((h) => h.key === key);
  if (!spec) throw new Error(`the office scenarios have no host "${key}"`);
  return `${office.net}.${spec.octet}`;
};

let work: string;
let store: string;
let changes: Changes;
let compareOut: string;

async function scanIn(agentNs: string, out: string): Promise<void> {
  if (!/^ss[a-z0-9]{4}-[a-z0-9]{1,8}$/.test(agentNs)) throw new Error(`not a lab namespace: ${agentNs}`);
  await run(
    "ip",
    ["netns", "exec", agentNs, process.execPath, CLI, "scan", "--yes", "--client", "Lab", "--out", out],
    {
      cwd: ROOT,
      env: { ...process.env, SWEETSPOT_STORE: store },
      // A scan of the office takes 1–2 min alone, and up to 5 min while other labs share the two cores.
      timeout: 420_000,
      maxBuffer: 16 * 1024 * 1024,
    },
  );
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "sweetspot-history-lab-"));
  store = join(work, "store");
  const before = join(work, "q1.audit.json");
  const after = join(work, "q2.audit.json");

  const officeLab = inject("labs").office;
  if (!officeLab) throw new Error("the lab global setup did not bring up the office scenario");
  await scanIn(officeLab.agentNs, before);
  const nextQuarter = await bringUp("office-next-quarter");
  try {
    await scanIn(nextQuarter.agentNs, after);
  } finally {
    await nextQuarter.down();
  }

  const result = await run(
    process.execPath,
    [
      CLI,
      "compare",
      before,
      after,
      "--json",
      join(work, "changes.json"),
      "--html",
      join(work, "changes.html"),
      "--out",
      join(work, "changes.pdf"),
    ],
    { cwd: ROOT, timeout: 120_000 },
  );
  compareOut = result.stdout;
  changes = ChangesSchema.parse(JSON.parse(await readFile(join(work, "changes.json"), "utf8")));
}, 1_000_000);

afterAll(async () => {
  // SWEETSPOT_KEEP_TEST_FILES=1 keeps both audits and the change report for a look after a failure.
  if (process.env.SWEETSPOT_KEEP_TEST_FILES) console.log(`history lab files kept in ${work}`);
  else if (work) await rm(work, { recursive: true, force: true });
});

describe("quarterly health check in the lab", () => {
  it("lists exactly one workstation added and the UPS gone, nothing else changed", () => {
    expect(changes.devices.added.map((d) => [d.ip, d.role])).toEqual([[ipOf("ws13"), "workstation"]]);
    expect(changes.devices.removed.map((d) => [d.ip, d.role])).toEqual([[ipOf("ups01"), "ups"]]);
    expect(changes.devices.changed).toEqual([]);
  });

  it("shows SMB1 on the file server as resolved, the missing UPS as new, nothing else", () => {
    expect(changes.findings.resolved.map((f) => [f.id, f.hosts])).toEqual([["smb1-enabled", [ipOf("fs01")]]]);
    expect(changes.findings.persisting.map((f) => f.id)).not.toContain("smb1-enabled");
    // What the UPS had (SNMP "public", its HTTP page) left with it: listed, not credited as fixed.
    for (const gone of changes.findings.goneWithDevice ?? []) expect(gone.hosts).toEqual([ipOf("ups01")]);
    // New: the missing UPS, plus whatever the new workstation brings (it has RDP open like the others).
    expect(changes.findings.new.map((f) => f.id)).toContain("no-ups-detected");
    for (const added of changes.findings.new.filter((f) => f.id !== "no-ups-detected")) {
      expect([added.id, added.hosts]).toEqual([added.id, [ipOf("ws13")]]);
    }
    expect(changes.history).toHaveLength(2);
  });

  it("tells the consultant the fix first, and writes the HTML and PDF change report", async () => {
    expect(compareOut).toMatch(/^Fixed since last time: 1 {3}New: \d+ {3}Still open: \d+$/m);
    expect(compareOut).toMatch(
      /✓ fixed {2}SMB version 1 is still enabled \[smb1-enabled\] on 10\.77\.10\.11/,
    );
    const html = await readFile(join(work, "changes.html"), "utf8");
    const fixedList = html.match(/<ul class="chg-fixed-list">([\s\S]*?)<\/ul>/)?.[1] ?? "";
    expect(fixedList).toContain("SMB version 1 is still enabled");
    expect((await readFile(join(work, "changes.pdf"))).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("saved both scans in the client store (scan calls saveAuditToStore)", async () => {
    expect((await readdir(join(store, "lab"))).filter((f) => f.endsWith(".audit.json"))).toHaveLength(2);
  });
});
