import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defineGatherer } from "../../../agent/gatherer.js";
import { defaultOutName, scanToFile } from "../../../agent/scan-to-file.js";
import { FailError, UsageError } from "../../../lib/errors.js";
import { Progress } from "../../../lib/progress.js";
import { parseAudit } from "../../../schema/parse-audit.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sweetspot-scan-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const quiet = new Progress({ quiet: true });
const lanInterfaces = async () => [
  { iface: "eth0", ip4: "192.168.77.10", ip4subnet: "255.255.255.0", operstate: "up" },
];
const oneHost = defineGatherer({
  id: "fake",
  version: 1,
  phase: "discovery",
  run: async (ctx) => ctx.addHostFacts("192.168.77.20", { status: { state: "up" } }, "fake"),
});

describe("scanToFile", () => {
  it("refuses an auto-detected scope without a terminal or --yes, before any gatherer runs", async () => {
    let ran = false;
    const spy = defineGatherer({
      id: "spy",
      version: 1,
      phase: "local",
      run: async () => {
        ran = true;
      },
    });
    const scan = scanToFile([], { client: "Lab", out: join(dir, "a.json") }, quiet, {
      listInterfaces: lanInterfaces,
      gatherers: [spy],
      interactive: false,
    });
    await expect(scan).rejects.toThrow(UsageError);
    await expect(scan).rejects.toThrow(
      "refusing to scan the auto-detected scope 192.168.77.0/24 without confirmation",
    );
    expect(ran).toBe(false);
  });

  it("writes a valid Audit readable only by its owner", async () => {
    const out = join(dir, "ok.audit.json");
    const { audit, outPath } = await scanToFile([], { client: "Lab", out, yes: true, rate: 50 }, quiet, {
      listInterfaces: lanInterfaces,
      gatherers: [oneHost],
    });
    expect(outPath).toBe(out);
    expect(audit.scope.autoDetected).toBe(true);
    expect(audit.engagement.rate.maxPacketsPerSecond).toBe(50);
    const parsed = parseAudit(JSON.parse(await readFile(out, "utf8")));
    expect(parsed.ok).toBe(true);
    expect((await stat(out)).mode & 0o777).toBe(0o600);
  });

  it("on Ctrl-C writes the partial Audit and fails with a message naming the file", async () => {
    const out = join(dir, "partial.audit.json");
    const interrupted = defineGatherer({
      id: "ctrl-c",
      version: 1,
      phase: "services",
      run: (ctx) =>
        new Promise<void>((resolve) => {
          ctx.signal.addEventListener("abort", () => resolve());
          process.emit("SIGINT", "SIGINT");
        }),
    });
    const scan = scanToFile(["192.168.77.0/24"], { client: "Lab", out }, quiet, {
      gatherers: [oneHost, interrupted],
    });
    await expect(scan).rejects.toThrow(FailError);
    await expect(scan).rejects.toThrow(`the scan was interrupted: partial audit written to ${out}`);
    const parsed = parseAudit(JSON.parse(await readFile(out, "utf8")));
    expect(parsed.ok && parsed.audit.status).toBe("partial");
    expect(parsed.ok && parsed.audit.hosts.map((h) => h.ip)).toEqual(["192.168.77.20"]);
    expect(process.listenerCount("SIGINT")).toBe(0);
  });

  it.each([
    [{ client: "" }, /--client is required/],
    [{ client: "Lab", rate: 0 }, /--rate 0/],
    [{ client: "Lab", parallel: -1 }, /--parallel -1/],
  ])("refuses bad flags %j", async (flags, message) => {
    await expect(scanToFile(["192.168.77.1"], flags, quiet, { gatherers: [] })).rejects.toThrow(message);
  });
});

describe("defaultOutName", () => {
  it("names the file after the client and the day", () => {
    expect(defaultOutName("Café Müller & Söhne", new Date("2026-11-27T10:00:00Z"))).toBe(
      "cafe-muller-sohne-2026-11-27.audit.json",
    );
    expect(defaultOutName("!!!", new Date("2026-01-02T00:00:00Z"))).toBe("client-2026-01-02.audit.json");
  });
});
