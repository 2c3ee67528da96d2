import type { Command } from "commander";
import { FailError } from "../../lib/errors.js";

export function registerHistory(program: Command): void {
  program
    .command("history")
    .description("(not built yet)")
    .action(() => {
      throw new FailError("`sweetspot history` is not built yet");
    });
}
