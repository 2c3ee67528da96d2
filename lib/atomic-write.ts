import { randomBytes } from "node:crypto";
import { mkdir, open, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { FailError } from "./errors.js";

export interface AtomicWriteOptions {
  /** File mode; audits and store files are private to the owner (0o600). */
  mode?: number;
  /** Create missing parent folders (with mode 0o700). */
  mkdirs?: boolean;
}

/**
 * Writes a file so that readers only ever see the old content or the whole new content:
 * write a temporary file beside it, flush it to disk, then rename it over the target.
 * On failure the temporary file is removed and the target is untouched.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const dir = dirname(path);
  if (options.mkdirs) await mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    const handle = await open(temp, "wx", options.mode ?? 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw new FailError(`cannot write ${path}: ${reasonOf(error)}`, fixFor(error, dir));
  }
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === "ENOSPC") return "the disk is full";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ENOENT") return "the folder does not exist";
  if (code === "EROFS") return "the file system is read-only";
  return (error as Error)?.message ?? String(error);
}

function fixFor(error: unknown, dir: string): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === "ENOSPC") return `free some space on the disk holding ${dir}, or write elsewhere with --out`;
  if (code === "ENOENT") return `create ${dir} first, or write elsewhere with --out`;
  return `choose a folder you can write to with --out`;
}
