import { resolve } from "node:path";
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
