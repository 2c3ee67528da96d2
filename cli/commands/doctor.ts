import type { Command } from "commander";
import { DOCTOR_CHECKS } from "../../agent/doctor/checks.js";
import { doctor } from "../../agent/doctor/run-doctor.js";
import { systemProbes } from "../../agent/doctor/system-probes.js";

export function registerDoctor(program: Command): void {
  program
    .command("doctor")
    .description(
      "check what this machine can do: Node.js, nmap, raw sockets, Chromium, fonts (sends no packets)",
    )
    .action(async () => {
      await doctor(DOCTOR_CHECKS, systemProbes(), (text) => process.stdout.write(text));
    });
}
