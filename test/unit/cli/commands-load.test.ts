import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * cli/main.ts loads only the command argv names: each must still come up on its own, with
 * whatever it builds on (assess copies scan's options). Uses the built CLI (build first).
 */
const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const BIN = join(ROOT, "bin/sweetspot.js");
const COMMANDS = [
  "scan",
  "report",
  "assess",
  "import",
  "compare",
  "history",
  "answers",
  "brand",
  "doctor",
  "demo",
];
const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8" });

describe("commands loaded by name", () => {
  it.each(COMMANDS)("`sweetspot %s --help` shows that command's usage", (name) => {
    const run = cli(name, "--help");
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Usage: sweetspot ${name} `));
    expect(run.stderr).toBe("");
  });

  it("`sweetspot --help` lists every command", () => {
    const run = cli("--help");
    expect(run.status).toBe(0);
    const listed = [...run.stdout.matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1]);
    expect(listed).toEqual([...COMMANDS, "help"]);
  });

  it("a mistyped command loads them all, so commander can suggest the right one", () => {
    const run = cli("repotr");
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Did you mean report?");
  });
});
