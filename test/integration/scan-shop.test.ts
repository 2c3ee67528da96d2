import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { GroundTruth } from "../lab/lab-types.js";
import type { Audit } from "../../schema/audit.js";
import { parseAudit } from "../../schema/parse-audit.js";

/** The small shop: a consumer router and four workgroup PCs, two of which drop ping. */
const BIN = join(process.cwd(), "bin", "sweetspot.js");

let dir: string;
let truth: GroundTruth;
let audit: Audit;
let code: number | null;
let stderr = "";
beforeAll(async () => {
  const lab = inject("labs")?.shop;
  if (!lab) throw new Error("the shop lab is not up: these tests need test/lab's global setup (run as root)");
  truth = JSON.parse(await readFile(lab.truthPath, "utf8")) as GroundTruth;
  dir = await mkdtemp(join(tmpdir(), "sweetspot-scan-shop-"));
  const out = join(dir, "shop.audit.json");
  const started = Date.now();
  const child = spawn(
    "ip",
    ["netns", "exec", lab.agentNs, process.execPath, BIN, "scan", "--yes", "--client", "Shop", "--out", out],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  child.stderr?.on("data", (d) => {
    stderr += d;
  });
  code = await new Promise((resolve) => child.on("close", resolve));
  console.info(`shop scan (privileged): ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const parsed = parseAudit(JSON.parse(await readFile(out, "utf8")));
  if (!parsed.ok) throw new Error(`${out}: invalid Audit: ${JSON.stringify(parsed.problems.slice(0, 3))}`);
  audit = parsed.audit;
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("sweetspot scan in the shop lab", () => {
  it("completes", () => {
    expect(code, stderr).toBe(0);
    expect(audit.status).toBe("complete");
  });

  it("finds the router and every PC, ping-dropping ones included, with MAC vendors", () => {
    const byIp = new Map(audit.hosts.map((h) => [h.ip, h]));
    for (const expected of truth.hosts) {
      expect(byIp.get(expected.ip)?.mac?.toLowerCase(), expected.name).toBe(expected.mac.toLowerCase());
      expect(byIp.get(expected.ip)?.vendor, expected.name).toBe(expected.vendor);
    }
    expect(audit.hosts.map((h) => h.ip)).not.toContain(truth.agent.ip);
  });

  it("sees the workgroup and no domain", () => {
    expect(audit.directory.domains).toEqual([]);
    expect(audit.directory.workgroups.map((w) => w.name.toUpperCase())).toContain(
      truth.directory.name.toUpperCase(),
    );
  });
});
