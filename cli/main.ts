import { Command, CommanderError } from "commander";
import { describeError, SweetspotError } from "../lib/errors.js";
import { toolVersion } from "../lib/package-root.js";

type Register = (program: Command) => void;

/** Every command, in help order, each loaded only when needed (see buildProgram). */
const COMMANDS: Record<string, () => Promise<Register>> = {
  scan: async () => (await import("./commands/scan.js")).registerScan,
  report: async () => (await import("./commands/report.js")).registerReport,
  // assess copies every option of the registered scan command: scan is registered first.
  assess: async () => {
    const [{ registerScan }, { registerAssess }] = await Promise.all([
      import("./commands/scan.js"),
      import("./commands/assess.js"),
    ]);
    return (program) => {
      if (!program.commands.some((command) => command.name() === "scan")) registerScan(program);
      registerAssess(program);
    };
  },
  import: async () => (await import("./commands/import.js")).registerImport,
  compare: async () => (await import("./commands/compare.js")).registerCompare,
  history: async () => (await import("./commands/history.js")).registerHistory,
  answers: async () => (await import("./commands/answers.js")).registerAnswers,
  brand: async () => (await import("./commands/brand.js")).registerBrand,
  doctor: async () => (await import("./commands/doctor.js")).registerDoctor,
  demo: async () => (await import("./commands/demo.js")).registerDemo,
};

/**
 * The program with the command argv names, or with every command (help, version, a mistyped
 * name: commander then lists or suggests them). Loading one command's modules, not all ten,
 * keeps `sweetspot report` small while Chromium prints (BENCHMARKS.md, memory).
 */
export async function buildProgram(argv: readonly string[]): Promise<Command> {
  const program = new Command("sweetspot")
    .description("Is this office a sweet-spot client? Scan its LAN, get a branded assessment report.")
    .version(toolVersion(), "-V, --version")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  const named = argv.slice(2).find((arg) => !arg.startsWith("-"));
  const load =
    named !== undefined && Object.hasOwn(COMMANDS, named) ? [COMMANDS[named]!] : Object.values(COMMANDS);
  for (const loadCommand of load) (await loadCommand())(program);
  return program;
}

/** The one place that turns errors into exit codes: 0 done, 1 failed, 2 bad usage. */
export async function main(argv: string[]): Promise<number> {
  const program = await buildProgram(argv);
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
