import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runNmap } from "../../../agent/nmap/exec.js";
import { FailError } from "../../../lib/errors.js";

// A stand-in for nmap (no network): prints the start of an XML scan, one finished host and a
// progress line, then behaves as the script's mode says.
const FAKE = `#!/usr/bin/env node
const mode = process.argv[2];
const out = (s) => process.stdout.write(s);
out('<?xml version="1.0"?>\\n<nmaprun scanner="nmap" args="nmap fake">\\n');
out('<taskprogress task="Ping Scan" time="1" percent="42.50" remaining="3" etc="4"/>\\n');
out('<host><status state="up" reason="arp-response"/><address addr="10.0.0.2" addrtype="ipv4"/></host>\\n');
if (mode === "finish") { out('</nmaprun>\\n'); process.exit(0); }
if (mode === "crash") { process.stderr.write("Segmentation fault\\n"); process.exit(139); }
if (mode === "stubborn") process.on("SIGTERM", () => process.stderr.write("ignoring SIGTERM\\n"));
else process.on("SIGTERM", () => { process.stderr.write("caught SIGTERM signal, cleaning up\\n"); process.exit(1); });
setInterval(() => {}, 1000);
`;

let dir: string;
let fake: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sweetspot-exec-"));
  fake = join(dir, "fake-nmap");
  await writeFile(fake, FAKE);
  await chmod(fake, 0o755);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("runNmap", () => {
  it("returns nmap's XML, exit code and the command line, and reports progress", async () => {
    const seen: unknown[] = [];
    const result = await runNmap({
      args: ["finish"],
      nmapPath: fake,
      timeoutMs: 10_000,
      onProgress: (p) => seen.push(p),
    });
    expect(result.exitCode).toBe(0);
    expect(result.stoppedBy).toBeUndefined();
    expect(result.xml).toContain("</nmaprun>");
    expect(result.command).toBe(`${fake} finish`);
    expect(seen.at(-1)).toMatchObject({ hostsDone: 1 });
    expect(seen).toContainEqual(expect.objectContaining({ task: "Ping Scan", percent: 42.5 }));
  });

  it("on abort stops nmap with SIGTERM and keeps the hosts it had written", async () => {
    const controller = new AbortController();
    const running = runNmap({
      args: ["wait"],
      nmapPath: fake,
      timeoutMs: 10_000,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.hostsDone === 1) controller.abort();
      },
    });
    const result = await running;
    expect(result.stoppedBy).toBe("abort");
    expect(result.xml).toContain('addr="10.0.0.2"');
    expect(result.xml).not.toContain("</nmaprun>");
  });

  it("kills with SIGKILL what ignores SIGTERM, at the hard timeout", async () => {
    const result = await runNmap({ args: ["stubborn"], nmapPath: fake, timeoutMs: 500, killGraceMs: 300 });
    expect(result.stoppedBy).toBe("timeout");
    expect(result.exitCode).toBeNull();
    expect(result.xml).toContain('addr="10.0.0.2"');
    expect(result.durationMs).toBeLessThan(5000);
  });

  it("reports a crash through the exit code and stderr", async () => {
    const result = await runNmap({ args: ["crash"], nmapPath: fake, timeoutMs: 10_000 });
    expect(result.exitCode).toBe(139);
    expect(result.stderr).toContain("Segmentation fault");
  });

  it("does not start when already aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await runNmap({
      args: ["finish"],
      nmapPath: fake,
      timeoutMs: 10_000,
      signal: controller.signal,
    });
    expect(result).toMatchObject({ xml: "", stoppedBy: "abort" });
  });

  it("says how to install nmap when it is missing", async () => {
    await expect(runNmap({ args: [], nmapPath: join(dir, "no-such-nmap"), timeoutMs: 1000 })).rejects.toThrow(
      FailError,
    );
    await expect(runNmap({ args: [], nmapPath: join(dir, "no-such-nmap"), timeoutMs: 1000 })).rejects.toThrow(
      /nmap not found/,
    );
  });
});
