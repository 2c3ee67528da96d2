import type { Command } from "commander";
import { FailError } from "../../lib/errors.js";

export function registerScan(program: Command): void {
  program
    .command("scan")
    .description("(not built yet)")
    .action(() => {
      throw new FailError("`sweetspot scan` is not built yet");
    });
}
