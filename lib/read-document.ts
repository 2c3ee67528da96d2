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
  // Windows editors save UTF-8 with a byte-order mark, which JSON.parse refuses.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!text.trim()) throw new UsageError(`${path}: the file is empty`, `expected a ${what} (JSON)`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `${path}: not valid JSON (${jsonErrorDetail(error, text)})`,
      `is it a complete ${what}? a truncated file cannot be read`,
    );
  }
}

export async function readAuditFile(path: string): Promise<{ audit: Audit; warnings: string[] }> {
  const raw = await readJsonFile(path, "sweetspot Audit");
  const result = parseAudit(raw);
  if (!result.ok) {
    const aboutVersion = result.problems[0]?.path === "schemaVersion";
    throw new UsageError(
      `${path}: not a valid Audit: ${summarizeProblems(result.problems)}`,
      aboutVersion ? undefined : "use the file as `sweetspot scan` or `sweetspot import` wrote it, or scan again",
    );
  }
  return { audit: result.audit, warnings: result.warnings };
}

// --- internal ---

/**
 * JSON.parse's reason on one line, without the snippet of the file V8 quotes (it may hold line
 * breaks and terminal control characters), with the line number when V8 gives a position.
 */
function jsonErrorDetail(error: unknown, text: string): string {
  const message = (error as Error).message
    .replace(/^JSON\.parse: /, "")
    .replace(/, ".*" is not valid JSON$/s, "")
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ");
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position === undefined) return message;
  const line = text.slice(0, Number(position)).split("\n").length;
  return `${message}, line ${line}`;
}
