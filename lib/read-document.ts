import { readFile } from "node:fs/promises";
import type { Audit } from "../schema/audit.js";
import { summarizeProblems } from "../schema/issues.js";
import { parseAudit } from "../schema/parse-audit.js";
import { UsageError } from "./errors.js";

/** Reads a JSON file, or throws a one-line UsageError naming the file and what is wrong. */
export async function readJsonFile(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UsageError(`${path}: no such file`, `check the path of the ${what}`);
    if (code === "EISDIR") throw new UsageError(`${path}: is a folder, not a ${what} file`);
    throw new UsageError(`${path}: cannot read it (${code ?? "error"})`);
  }
  if (!text.trim()) throw new UsageError(`${path}: the file is empty`, `expected a ${what} (JSON)`);
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = (error as Error).message.replace(/^JSON\.parse: /, "");
    throw new UsageError(`${path}: not valid JSON (${detail})`, `is it a complete ${what}? a truncated file cannot be read`);
  }
}

export async function readAuditFile(path: string): Promise<{ audit: Audit; warnings: string[] }> {
  const raw = await readJsonFile(path, "sweetspot Audit");
  const result = parseAudit(raw);
  if (!result.ok) {
    throw new UsageError(`${path}: not a valid Audit: ${summarizeProblems(result.problems)}`);
  }
  return { audit: result.audit, warnings: result.warnings };
}
