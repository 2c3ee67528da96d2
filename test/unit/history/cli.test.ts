/**
 * `sweetspot history` and `sweetspot compare` as the consultant runs them: the built CLI
 * (`npx tsc -p tsconfig.build.json` first), a temporary store, hand-made audits. No network.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveAuditToStore } from "../../../report/history/store.js";
import { ChangesSchema } from "../../../schema/assessment.js";
import type { Audit } from "../../../schema/audit.js";
import { audit, host, openPorts } from "../../fixtures/history/build.js";

const ROOT = resolve(import.meta.dirname, "../../..");
const CLI = join(ROOT, "bin", "sweetspot.js");

function sweetspot(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, SWEETSPOT_STORE: "", ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const smbScripts = (smb1: boolean) => ({
  "smb-protocols": {
    output: smb1
      ? "\n  dialects: \n    NT LM 0.12 (SMBv1) [dangerous, but default]\n    2:1:0\n    3:1:1"
      : "\n  dialects: \n    2:1:0\n    3:1:1",
  },
});
const fileServer = (smb1: boolean) =>
  host("10.9.0.10", {
    mac: "00:15:5D:00:00:10",
    hostnames: [{ name: "fs01.office.lan", type: "PTR" }],
    services: openPorts([139, "netbios-ssn"], [445, "microsoft-ds"]),
    scripts: smbScripts(smb1),
  });
const pc = (n: number) =>
  host(`10.9.0.${100 + n}`, {
    mac: `00:1A:A0:00:00:0${n}`,
    hostnames: [{ name: `pc-${n}.office.lan`, type: "PTR" }],
    services: openPorts([135, "msrpc"], [445, "microsoft-ds"]),
  });

const quarters: Audit[] = [
  audit({ startedAt: "2026-02-10T09:00:00Z", auditId: "q1-00000001", hosts: [fileServer(true), pc(1)] }),
  audit({
    startedAt: "2026-05-12T09:00:00Z",
    auditId: "q2-00000002",
    hosts: [fileServer(false), pc(1), pc(3)],
  }),
  audit({
    startedAt: "2026-08-11T09:00:00Z",
    auditId: "q3-00000003",
    hosts: [fileServer(false), pc(1), pc(3)],
  }),
];

let work: string;
let store: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "sweetspot-history-cli-"));
  store = join(work, "store");
  for (const [i, q] of quarters.entries()) {
    await saveAuditToStore(q, store);
    await writeFile(join(work, `q${i + 1}.json`), JSON.stringify(q));
  }
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("sweetspot history", () => {
  it("says where the store is when it is empty", () => {
    const empty = join(work, "empty-store");
    const { code, stdout } = sweetspot(["history", "--store", empty]);
    expect(code).toBe(0);
    expect(stdout).toBe(
      `No audits stored yet in ${empty}.\n\`sweetspot scan\` and \`sweetspot assess\` save every audit there.\n`,
    );
  });

  it.each([
    { how: "--store", args: () => ["history", "--store", store], env: () => ({}) },
    { how: "SWEETSPOT_STORE", args: () => ["history"], env: () => ({ SWEETSPOT_STORE: store }) },
  ])("lists clients with audit count and last date ($how)", ({ args, env }) => {
    const { code, stdout } = sweetspot(args(), env());
    expect(code).toBe(0);
    expect(stdout.split("\n")).toEqual([
      `Client store: ${store}`,
      "CLIENT            AUDITS  LAST AUDIT",
      "Hand-made Dental       3  2026-08-11",
      "",
    ]);
  });

  it("lists one client's audits with date, device count, fit and risk", () => {
    const { code, stdout } = sweetspot(["history", "hand-made dental", "--store", store]);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines[0]).toBe(`Hand-made Dental: 3 audits in ${join(store, "hand-made-dental")}`);
    expect(lines[1]).toMatch(/^DATE \(UTC\)\s+DEVICES\s+FIT\s+RISK\s+FINDINGS\s+FILE$/);
    expect(lines.slice(2)).toEqual([
      expect.stringMatching(
        /^2026-02-10 09:00\s+2\s+\d+\s+\d+\s+\d+\s+2026-02-10T090000-00000001\.audit\.json$/,
      ),
      expect.stringMatching(
        /^2026-05-12 09:00\s+3\s+\d+\s+\d+\s+\d+\s+2026-05-12T090000-00000002\.audit\.json$/,
      ),
      expect.stringMatching(
        /^2026-08-11 09:00\s+3\s+\d+\s+\d+\s+\d+\s+2026-08-11T090000-00000003\.audit\.json$/,
      ),
    ]);
  });

  it("prints JSON with --json", () => {
    const { code, stdout } = sweetspot(["history", "--store", store, "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      store,
      clients: [
        {
          name: "Hand-made Dental",
          slug: "hand-made-dental",
          audits: 3,
          lastStartedAt: "2026-08-11T09:00:00Z",
        },
      ],
    });
  });

  it("fails with usage exit 2 and a hint for an unknown client", () => {
    const { code, stderr } = sweetspot(["history", "Nobody", "--store", store]);
    expect(code).toBe(2);
    expect(stderr).toContain(`sweetspot: no audits stored for "Nobody" in ${store}`);
    expect(stderr).toContain("list the stored clients with `sweetspot history`");
  });
});

describe("sweetspot compare", () => {
  it("prints fixes first, writes the changes JSON and the HTML change report", async () => {
    const json = join(work, "changes.json");
    const html = join(work, "changes.html");
    const { code, stdout, stderr } = sweetspot([
      "compare",
      join(work, "q1.json"),
      join(work, "q2.json"),
      "--json",
      json,
      "--html",
      html,
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    expect(lines[0]).toBe("Hand-made Dental: 2026-02-10 → 2026-05-12");
    expect(lines[1]).toMatch(/^Fixed since last time: [1-9]\d* {3}New: \d+ {3}Still open: \d+$/);
    expect(stdout).toMatch(
      /^ {2}✓ fixed {2}SMB version 1 is still enabled \[smb1-enabled\] on 10\.9\.0\.10$/m,
    );
    expect(stdout).toContain("Devices: 1 added, 0 gone, 0 changed");
    expect(stdout).toMatch(/^ {2}\+ .*\(10\.9\.0\.103\) workstation$/m);
    expect(stdout).toContain(`Wrote ${json}, ${html}`);

    const changes = ChangesSchema.parse(JSON.parse(await readFile(json, "utf8")));
    expect(changes.findings.resolved).toContainEqual(
      expect.objectContaining({ id: "smb1-enabled", hosts: ["10.9.0.10"] }),
    );
    expect(changes.devices.added.map((d) => d.ip)).toEqual(["10.9.0.103"]);
    expect(await readFile(html, "utf8")).toContain("Fixed since last time:");
  });

  it("puts two audits given newest first back in date order", () => {
    const { code, stdout, stderr } = sweetspot(["compare", join(work, "q2.json"), join(work, "q1.json")]);
    expect(code).toBe(0);
    expect(stderr).toContain("q1.json is the older audit: comparing in date order");
    expect(stdout).toContain("Devices: 1 added, 0 gone, 0 changed");
  });

  it("names the file when an input is not an Audit", async () => {
    const bad = join(work, "not-an-audit.json");
    await writeFile(bad, JSON.stringify({ hello: "world" }));
    const { code, stderr } = sweetspot(["compare", bad, join(work, "q2.json")]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${bad}: not a valid Audit`);
  });
});
