import type { Command } from "commander";
import { FailError } from "../../lib/errors.js";

export function registerBrand(program: Command): void {
  program
    .command("brand")
    .description("(not built yet)")
    .action(() => {
      throw new FailError("`sweetspot brand` is not built yet");
    });
}
