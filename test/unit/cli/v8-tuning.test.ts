import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { tuneV8ForShortRuns } from "../../../lib/v8-tuning.js";

/**
 * bin/sweetspot.js raises V8's tier-up budget before any command runs (lib/v8-tuning.ts).
 * Uses the built CLI (bin/sweetspot.js → dist/): `npx tsc -p tsconfig.build.json` first.
 */
const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const BIN = join(ROOT, "bin/sweetspot.js");
const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

describe("V8 tuning for short runs", () => {
  it("leaves a budget the user gave node alone", () => {
    expect(tuneV8ForShortRuns(["--interrupt-budget=67584"])).toBe(false);
    expect(tuneV8ForShortRuns(["--interrupt-budget", "1000"])).toBe(false);
  });

  it("sets it otherwise", () => {
    expect(tuneV8ForShortRuns(["--enable-source-maps"])).toBe(true);
  });

  // V8 prints "Error: unrecognized flag" for a flag it does not know (a future Node): the CLI's
  // first line would then be noise before every command.
  it("the CLI starts with it and prints nothing but its answer", () => {
    const run = spawnSync(process.execPath, [BIN, "--version"], { encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${VERSION}\n`);
    expect(run.stderr).toBe("");
  });

  it("the CLI runs with a budget given on node's command line", () => {
    const run = spawnSync(process.execPath, ["--interrupt-budget=67584", BIN, "--version"], {
      encoding: "utf8",
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${VERSION}\n`);
    expect(run.stderr).toBe("");
  });
});
