import type { Command } from "commander";
import { FailError } from "../../lib/errors.js";

export function registerAnswers(program: Command): void {
  program
    .command("answers")
    .description("(not built yet)")
    .action(() => {
      throw new FailError("`sweetspot answers` is not built yet");
    });
}
