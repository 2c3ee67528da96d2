import { readFile } from "node:fs/promises";
import { isMap, isSeq, parseDocument } from "yaml";
import type { z } from "zod";
import { UsageError } from "../../lib/errors.js";
import { formatPath } from "../../schema/issues.js";

/** Field path ("employees", "offsiteBackup.provider", "accepted[0].reason") → how to fix a bad value. */
export type FixHints = Record<string, string>;

/**
 * Reads a YAML input file and validates it, or throws one UsageError line naming the file, the
 * field, what was found and the fix:
 *   answers.yaml: employees: expected a number, got "twelve" — write a whole number like 12
 * Empty values (`employees:`) count as "not answered", so a template with blanks is valid.
 */
export async function readYamlInput<S extends z.ZodType>(
  path: string,
  schema: S,
  what: string,
  hints: FixHints,
  knownFields: readonly string[],
): Promise<z.infer<S>> {
  const name = path;
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT")
      throw new UsageError(`${path}: no such file`, `check the path of the ${what} file`);
    if (code === "EISDIR") throw new UsageError(`${path}: is a folder, not a ${what} file`);
    throw new UsageError(`${path}: cannot read it (${code ?? "error"})`);
  }
  return parseYamlInput(text, name, schema, what, hints, knownFields);
}

export function parseYamlInput<S extends z.ZodType>(
  text: string,
  name: string,
  schema: S,
  what: string,
  hints: FixHints,
  knownFields: readonly string[],
): z.infer<S> {
  const document = parseDocument(text);
  const yamlError = document.errors[0];
  if (yamlError) {
    const line = yamlError.linePos?.[0].line;
    throw new UsageError(
      `${name}: not valid YAML${line ? ` at line ${line}` : ""} (${yamlError.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "")})`,
      "check the indentation and put text containing a colon in quotes",
    );
  }
  if (document.contents !== null && !isMap(document.contents)) {
    throw new UsageError(
      `${name}: expected ${what} fields (name: value lines), got ${isSeq(document.contents) ? "a list" : "a single value"}`,
    );
  }
  let raw: unknown;
  try {
    // toJS resolves aliases and refuses to expand an alias bomb: that is bad input, not a bug.
    raw = dropEmpty(document.toJS() ?? {});
  } catch (error) {
    throw new UsageError(
      `${name}: not valid ${what} YAML (${(error as Error).message.split("\n")[0]})`,
      "write plain values: anchors and aliases (& and *) are not needed here",
    );
  }
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new UsageError(describeIssue(name, issue, raw, hints, knownFields));
}

function describeIssue(
  name: string,
  issue: z.core.$ZodIssue,
  raw: unknown,
  hints: FixHints,
  knownFields: readonly string[],
): string {
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0]!;
    const path = formatPath([...issue.path, key]);
    const suggestion = closest(key, knownFields);
    return `${name}: ${path}: unknown field — ${suggestion ? `did you mean ${suggestion}? ` : ""}see \`sweetspot answers --init\` for every field`;
  }
  const path = formatPath(issue.path);
  const value = valueAt(raw, issue.path);
  const hint = hints[genericPath(path)];
  const got = value === undefined ? "nothing" : JSON.stringify(value);
  let expected: string;
  switch (issue.code) {
    case "invalid_type":
      expected = `expected ${article(issue.expected)}, got ${got}`;
      break;
    case "invalid_value":
      expected = `expected one of ${issue.values.map((v) => String(v)).join(", ")}, got ${got}`;
      break;
    case "too_small":
    case "too_big":
    case "invalid_format":
      expected = `${issue.message.toLowerCase()}, got ${got}`;
      break;
    default:
      expected = `${issue.message}, got ${got}`;
  }
  return `${name}: ${path}: ${expected}${hint ? ` — ${hint}` : ""}`;
}

function article(type: string): string {
  if (type === "int") return "a whole number";
  if (type === "object") return "a group of fields";
  if (type === "array") return "a list";
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** "accepted[3].reason" → "accepted[].reason": hints are written per field, not per list item. */
function genericPath(path: string): string {
  return path.replace(/\[\d+\]/g, "[]");
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = raw;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** YAML `field:` with nothing after it means "not answered"; so does a group whose fields are all empty. */
function dropEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => item !== null).map(dropEmpty);
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === null) continue;
      const cleaned = dropEmpty(item);
      if (isEmptyGroup(cleaned)) continue;
      out[key] = cleaned;
    }
    return out;
  }
  return value;
}

function isEmptyGroup(value: unknown): boolean {
  return (
    value !== null && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0
  );
}

function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(word.length / 3)) ? best.candidate : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
