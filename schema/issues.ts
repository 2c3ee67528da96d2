import type { z } from "zod";

/** One problem in a document, with the path of the field it is about ("hosts[3].services[0].port"). */
export interface FieldProblem {
  path: string;
  message: string;
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || "(document)";
}

export function problemsFromZod(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/** "hosts[3].ip: expected string, received undefined (and 2 more problems)" */
export function summarizeProblems(problems: FieldProblem[]): string {
  const [first, ...rest] = problems;
  if (!first) return "no problems";
  const more = rest.length ? ` (and ${rest.length} more problem${rest.length > 1 ? "s" : ""})` : "";
  return `${first.path}: ${first.message}${more}`;
}
