import { execFile } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import { findChromium } from "../../lib/find-chromium.js";
import type { CommandOutput, DoctorProbes } from "./check.js";

const RUN_TIMEOUT_MS = 15_000;

/** The real machine: PATH lookups and `--version`-style runs only; nothing touches the network. */
export function systemProbes(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): DoctorProbes {
  return {
    platform,
    nodeVersion: process.versions.node,
    isRoot: typeof process.geteuid === "function" ? process.geteuid() === 0 : undefined,
    env,
    which: (name) => which(name, env, platform),
    run: (file, args) => run(file, args),
    findChromium: () => findChromium(env, platform),
  };
}

function which(name: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
  const extensions = platform === "win32" ? ["", ".exe", ".cmd"] : [""];
  const dirs = (env.PATH ?? env.Path ?? "").split(delimiter).filter(Boolean);
  // setcap/getcap live in sbin, which a non-root PATH often lacks.
  if (platform !== "win32") dirs.push("/usr/sbin", "/sbin");
  for (const dir of dirs) {
    for (const extension of extensions) {
      const candidate = join(dir, name + extension);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

function run(file: string, args: string[]): Promise<CommandOutput> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { timeout: RUN_TIMEOUT_MS, windowsHide: true, maxBuffer: 4 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({ ok: !error, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}
