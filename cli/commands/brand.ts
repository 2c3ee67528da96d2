import { access } from "node:fs/promises";
import { resolve } from "node:path";
import type { Command } from "commander";
import { writeFileAtomic } from "../../lib/atomic-write.js";
import { UsageError } from "../../lib/errors.js";
import { EXAMPLE_BRAND_YAML } from "../../report/brand/example-brand.js";
import { loadBrandFile } from "../../report/brand/load-brand.js";

export function registerBrand(program: Command): void {
  program
    .command("brand")
    .description("write an example brand.yaml (--init), or check one (--check)")
    .option("--init [file]", "write a commented example brand file (default: brand.yaml)")
    .option("--check <file>", "validate a brand file and its logo")
    .option("--force", "with --init: overwrite an existing file")
    .action(async (flags: { init?: string | boolean; check?: string; force?: boolean }) => {
      if (flags.check) {
        const brand = await loadBrandFile(flags.check);
        process.stdout.write(
          `${flags.check}: OK — ${brand.company}, ${brand.paper}, logo ${brand.logoDataUrl ? "embedded" : "none"}\n`,
        );
        return;
      }
      if (!flags.init)
        throw new UsageError(
          "nothing to do",
          "use `sweetspot brand --init [FILE]` or `sweetspot brand --check FILE`",
        );
      const path = resolve(typeof flags.init === "string" ? flags.init : "brand.yaml");
      await writeExampleBrand(path, Boolean(flags.force));
      process.stdout.write(`wrote ${path} — edit it, then: sweetspot report audit.json --brand ${path}\n`);
    });
}

export async function writeExampleBrand(path: string, force: boolean): Promise<void> {
  const exists = await access(path).then(
    () => true,
    () => false,
  );
  if (exists && !force)
    throw new UsageError(`${path} already exists`, "choose another file name or add --force");
  await writeFileAtomic(path, EXAMPLE_BRAND_YAML);
}
