import type { Command } from "commander";
import { FailError } from "../../lib/errors.js";

export function registerDoctor(program: Command): void {
  program
    .command("doctor")
    .description("(not built yet)")
    .action(() => {
      throw new FailError("`sweetspot doctor` is not built yet");
    });
}
