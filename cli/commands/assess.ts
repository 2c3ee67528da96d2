import type { Command } from "commander";
import { FailError } from "../../lib/errors.js";

export function registerAssess(program: Command): void {
  program
    .command("assess")
    .description("(not built yet)")
    .action(() => {
      throw new FailError("`sweetspot assess` is not built yet");
    });
}
