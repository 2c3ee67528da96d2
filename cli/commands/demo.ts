import type { Command } from "commander";
import { FailError } from "../../lib/errors.js";

export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description("(not built yet)")
    .action(() => {
      throw new FailError("`sweetspot demo` is not built yet");
    });
}
