import { constants } from "node:fs";
import { access, stat } from "node:fs/promises";
import { dirname } from "node:path";
import { FailError } from "./errors.js";

/**
 * Checks, before long work starts, that `path` can be written: its folder exists and is
 * writable, and it is not itself a folder. A scan must not run for minutes and then find
 * nowhere to put its result.
 */
export async function checkDestination(path: string, flag = "--out"): Promise<void> {
  const dir = dirname(path);
  const dirStat = await stat(dir).catch(() => undefined);
  if (!dirStat?.isDirectory())
    throw new FailError(
      `${flag} ${path}: the folder ${dir} does not exist`,
      `create it first, or choose another ${flag}`,
    );
  const target = await stat(path).catch(() => undefined);
  if (target?.isDirectory())
    throw new FailError(`${flag} ${path} is a folder`, `give a file name, e.g. ${flag} ${path}/audit.json`);
  try {
    await access(dir, constants.W_OK);
  } catch {
    throw new FailError(
      `${flag} ${path}: you may not write in ${dir}`,
      `choose a folder you can write to with ${flag}`,
    );
  }
}
