import { Command, CommanderError } from "commander";
import { describeError, SweetspotError } from "../lib/errors.js";
import { toolVersion } from "../lib/package-root.js";
import { registerAnswers } from "./commands/answers.js";
import { registerAssess } from "./commands/assess.js";
import { registerBrand } from "./commands/brand.js";
import { registerCompare } from "./commands/compare.js";
import { registerDemo } from "./commands/demo.js";
import { registerDoctor } from "./commands/doctor.js";
import { registerHistory } from "./commands/history.js";
import { registerImport } from "./commands/import.js";
import { registerReport } from "./commands/report.js";
import { registerScan } from "./commands/scan.js";

export function buildProgram(): Command {
  const program = new Command("sweetspot")
    .description("Is this office a sweet-spot client? Scan its LAN, get a branded assessment report.")
    .version(toolVersion(), "-V, --version")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  for (const register of [
    registerScan,
    registerReport,
    registerAssess,
    registerImport,
    registerCompare,
    registerHistory,
    registerAnswers,
    registerBrand,
    registerDoctor,
    registerDemo,
  ]) {
    register(program);
  }
  return program;
}

/** The one place that turns errors into exit codes: 0 done, 1 failed, 2 bad usage. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // commander already printed its message; help and version are not failures.
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return 0;
      if (error.code === "commander.help") return 0;
      return 2;
    }
    process.stderr.write(`sweetspot: ${describeError(error)}\n`);
    if (!(error instanceof SweetspotError)) {
      if (process.env.SWEETSPOT_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
      else process.stderr.write("sweetspot: this is a bug; rerun with SWEETSPOT_DEBUG=1 and report it\n");
      return 1;
    }
    return error.exitCode;
  }
}

process.exitCode = await main(process.argv);
