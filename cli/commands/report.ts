import type { Command } from "commander";
import { FailError } from "../../lib/errors.js";

export function registerReport(program: Command): void {
  program
    .command("report")
    .description("(not built yet)")
    .action(() => {
      throw new FailError("`sweetspot report` is not built yet");
    });
}
