import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const FIXTURES = join(fileURLToPath(new URL(".", import.meta.url)), "../../fixtures/nmap");

export function fixturePath(name: string): string {
  return join(FIXTURES, name);
}

export function fixture(name: string): string {
  return readFileSync(fixturePath(name), "utf8");
}
