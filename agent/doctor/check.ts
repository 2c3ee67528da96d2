import type { ChromiumLocation } from "../../lib/find-chromium.js";

/** ok ✓ · fail ✗ (required thing missing) · warn ! (works, with less) · info · (optional extra). */
export type CheckStatus = "ok" | "fail" | "warn" | "info";

/** How to install what is missing, per platform. */
export interface InstallHint {
  debian: string;
  macos: string;
  windows: string;
}

export interface CheckResult {
  id: string;
  status: CheckStatus;
  /** One line, without the status mark. */
  message: string;
  install?: InstallHint;
}

export interface CommandOutput {
  ok: boolean;
  stdout: string;
  stderr: string;
}

/** Everything a check may ask of the machine; tests pass fakes. Doctor sends no packets. */
export interface DoctorProbes {
  platform: NodeJS.Platform;
  nodeVersion: string;
  /** Effective uid is 0; undefined where there is no uid (Windows). */
  isRoot: boolean | undefined;
  env: NodeJS.ProcessEnv;
  /** The full path of a program on PATH, or undefined. */
  which(name: string): string | undefined;
  /** Runs a program with arguments (no shell), with a short time limit. */
  run(file: string, args: string[]): Promise<CommandOutput>;
  findChromium(): ChromiumLocation;
}

export interface DoctorCheck {
  id: string;
  /** A failed required check makes doctor exit 1. */
  required: boolean;
  run(probes: DoctorProbes): Promise<CheckResult>;
}

export function defineCheck(check: DoctorCheck): DoctorCheck {
  return check;
}
