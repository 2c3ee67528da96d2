import { statSync } from "node:fs";
import { resolve } from "node:path";
import { UsageError } from "../../lib/errors.js";
import envPaths from "env-paths";

export const STORE_ENV = "SWEETSPOT_STORE";

/**
 * Where client folders live: `--store DIR`, else $SWEETSPOT_STORE, else `clients` under the
 * user's data folder (Linux ~/.local/share/sweetspot/clients, macOS ~/Library/Application
 * Support/sweetspot/clients, Windows %LOCALAPPDATA%\sweetspot\Data\clients).
 */
export function resolveStoreDir(storeDir?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (storeDir) return resolve(storeDir);
  const fromEnv = env[STORE_ENV]?.trim();
  if (fromEnv) return resolve(fromEnv);
  return resolve(envPaths("sweetspot", { suffix: "" }).data, "clients");
}

/** The store folder, refusing a path that exists but is not a folder (a mistyped --store). */
export function existingStoreDirOrNone(storeDir?: string, env: NodeJS.ProcessEnv = process.env): string {
  const dir = resolveStoreDir(storeDir, env);
  try {
    if (!statSync(dir).isDirectory())
      throw new UsageError(`${dir}: the client store must be a folder, not a file`, "give --store a folder");
  } catch (error) {
    if (error instanceof UsageError) throw error;
  }
  return dir;
}
