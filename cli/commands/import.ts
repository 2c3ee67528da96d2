import type { Command } from "commander";
import { FailError } from "../../lib/errors.js";

export function registerImport(program: Command): void {
  program
    .command("import")
    .description("(not built yet)")
    .action(() => {
      throw new FailError("`sweetspot import` is not built yet");
    });
}
