import type { Command } from "commander";
import { FailError } from "../../lib/errors.js";

export function registerCompare(program: Command): void {
  program
    .command("compare")
    .description("(not built yet)")
    .action(() => {
      throw new FailError("`sweetspot compare` is not built yet");
    });
}
