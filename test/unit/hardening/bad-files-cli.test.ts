import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Bad input files, as a user meets them through the built CLI (bin/sweetspot.js → dist/): each
 * gets exactly one stderr line naming the file, the field and the fix, exit 2 (bad usage: an
 * invalid input file, per lib/errors.ts and DESIGN.md), never a stack trace, and no output file.
 * Needs `npx tsc -p tsconfig.build.json` first (dist/ is shared, so it is not rebuilt here).
 */
const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const BIN = join(ROOT, "bin/sweetspot.js");
const H = "test/fixtures/hostile";
const GOOD = "test/fixtures/audits/hand-made-workgroup-office.audit.json";

interface Row {
  name: string;
  args: (out: string) => string[];
  /** The file the message must name (its path or its base name). */
  file: string;
  /** Text the one line must contain: the field, and the fix. */
  says: (string | RegExp)[];
  code: 1 | 2;
}

const ROWS: Row[] = [
  {
    name: "truncated Audit JSON",
    args: (o) => ["report", `${H}/truncated.audit.json`, "--json", o, "-q"],
    file: "truncated.audit.json",
    says: ["not valid JSON", "truncated"],
    code: 2,
  },
  {
    name: "invalid Audit JSON (cut after a few bytes)",
    args: (o) => ["report", `${H}/invalid.audit.json`, "--json", o, "-q"],
    file: "invalid.audit.json",
    says: ["not valid JSON"],
    code: 2,
  },
  {
    name: "a JSON list instead of an Audit",
    args: (o) => ["report", `${H}/list.audit.json`, "--json", o, "-q"],
    file: "list.audit.json",
    says: ["(document)", "Audit"],
    code: 2,
  },
  {
    name: "an Audit field with the wrong type",
    args: (o) => ["report", `${H}/wrong-type.audit.json`, "--json", o, "-q"],
    file: "wrong-type.audit.json",
    says: ["hosts[0].ip", "string", / — /],
    code: 2,
  },
  {
    name: "an Audit from a newer sweetspot",
    args: (o) => ["report", `${H}/newer.audit.json`, "--json", o, "-q"],
    file: "newer.audit.json",
    says: ["schemaVersion", "99", "upgrade sweetspot"],
    code: 2,
  },
  {
    name: "a bad --previous Audit",
    args: (o) => ["report", GOOD, "--json", o, "-q", "--previous", `${H}/invalid.audit.json`],
    file: "invalid.audit.json",
    says: ["not valid JSON"],
    code: 2,
  },
  {
    name: "compare: a truncated old Audit",
    args: (o) => ["compare", `${H}/truncated.audit.json`, GOOD, "--json", o, "-q"],
    file: "truncated.audit.json",
    says: ["not valid JSON"],
    code: 2,
  },
  {
    name: "compare: a newer new Audit",
    args: (o) => ["compare", GOOD, `${H}/newer.audit.json`, "--json", o, "-q"],
    file: "newer.audit.json",
    says: ["schemaVersion", "upgrade sweetspot"],
    code: 2,
  },
  {
    name: "answers: a word where a number belongs",
    args: (o) => ["report", GOOD, "--json", o, "-q", "--answers", `${H}/wrong-type.answers.yaml`],
    file: "wrong-type.answers.yaml",
    says: ["employees", "twelve", "whole number"],
    code: 2,
  },
  {
    name: "answers: not YAML",
    args: (o) => ["report", GOOD, "--json", o, "-q", "--answers", `${H}/not-yaml.answers.yaml`],
    file: "not-yaml.answers.yaml",
    says: ["not valid YAML", "line"],
    code: 2,
  },
  {
    name: "answers --check: a word where a number belongs",
    args: () => ["answers", "--check", `${H}/wrong-type.answers.yaml`],
    file: "wrong-type.answers.yaml",
    says: ["employees", "whole number"],
    code: 2,
  },
  {
    name: "brand: the logo file is missing",
    args: (o) => ["report", GOOD, "--json", o, "-q", "--brand", `${H}/missing-logo.brand.yaml`],
    file: "missing-logo.brand.yaml",
    says: ["logo", "missing-logo.png", "not found"],
    code: 2,
  },
  {
    name: "brand: wrong types",
    args: (o) => ["report", GOOD, "--json", o, "-q", "--brand", `${H}/wrong-type.brand.yaml`],
    file: "wrong-type.brand.yaml",
    says: ["company", "brand --init"],
    code: 2,
  },
  {
    name: "brand --check: the logo file is missing",
    args: () => ["brand", "--check", `${H}/missing-logo.brand.yaml`],
    file: "missing-logo.brand.yaml",
    says: ["logo", "not found"],
    code: 2,
  },
  {
    name: "pricing: a currency that is not a code",
    args: (o) => ["report", GOOD, "--json", o, "-q", "--pricing", `${H}/wrong-type.pricing.yaml`],
    file: "wrong-type.pricing.yaml",
    says: ["currency", "dollars", "USD"],
    code: 2,
  },
  {
    name: "pricing: high below low",
    args: (o) => ["report", GOOD, "--json", o, "-q", "--pricing", `${H}/inverted.pricing.yaml`],
    file: "inverted.pricing.yaml",
    says: ["perWorkstation", "high must be at least low"],
    code: 2,
  },
  {
    name: "import: nmap's screen output instead of XML",
    args: (o) => ["import", `${H}/normal-output.nmap.xml`, "--out", o],
    file: "normal-output.nmap.xml",
    says: ["not an nmap XML scan", "-oX"],
    code: 1, // issue 2: a file that is not an nmap scan is a failed import (exit 1)
  },
  {
    name: "import: an image",
    args: (o) => ["import", `${H}/image.nmap.xml`, "--out", o],
    file: "image.nmap.xml",
    says: ["not an nmap XML scan", "-oX"],
    code: 1, // issue 2: a file that is not an nmap scan is a failed import (exit 1)
  },
  {
    name: "import: HTML, not nmap",
    args: (o) => ["import", `${H}/html.nmap.xml`, "--out", o],
    file: "html.nmap.xml",
    says: ["not an nmap XML scan", "-oX"],
    code: 1, // issue 2: a file that is not an nmap scan is a failed import (exit 1)
  },
  {
    name: "answers: a YAML alias bomb",
    args: (o) => ["report", GOOD, "--json", o, "-q", "--answers", `${H}/alias-bomb.answers.yaml`],
    file: "alias-bomb.answers.yaml",
    says: [/YAML|alias/],
    code: 2,
  },
  {
    name: "pricing: a YAML alias bomb",
    args: (o) => ["report", GOOD, "--json", o, "-q", "--pricing", `${H}/alias-bomb.pricing.yaml`],
    file: "alias-bomb.pricing.yaml",
    says: [/YAML|alias/],
    code: 2,
  },
  {
    name: "brand: a YAML alias bomb",
    args: (o) => ["report", GOOD, "--json", o, "-q", "--brand", `${H}/alias-bomb.brand.yaml`],
    file: "alias-bomb.brand.yaml",
    says: [/YAML|alias/],
    code: 2,
  },
  {
    name: "history: a store path that is a file",
    args: () => ["history", "--store", GOOD],
    file: "hand-made-workgroup-office.audit.json",
    says: [/folder|directory/],
    code: 2,
  },
];

let dir: string;
beforeAll(() => {
  for (const source of ["cli/main.ts", "lib/read-document.ts", "cli/commands/report.ts", "cli/commands/import.ts"]) {
    const built = join(ROOT, "dist", source.replace(/\.ts$/, ".js"));
    if (!existsSync(built) || statSync(built).mtimeMs < statSync(join(ROOT, source)).mtimeMs) {
      throw new Error(`${built} is missing or older than ${source}: run \`npx tsc -p tsconfig.build.json\` first`);
    }
  }
  dir = mkdtempSync(join(tmpdir(), "sweetspot-badfiles-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("bad input files: one line, the file, the field, the fix; exit code; no stack", () => {
  it.each(ROWS)("$name", (row) => {
    const out = join(dir, `${row.name.replace(/[^a-z0-9]+/gi, "-")}.out`);
    const r = spawnSync(process.execPath, [BIN, ...row.args(out)], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 30_000,
      env: { ...process.env, SWEETSPOT_DEBUG: "", NO_COLOR: "1" },
    });
    const lines = r.stderr.split("\n").filter((l) => l.trim() !== "");
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(lines, r.stderr).toHaveLength(1);
    const line = lines[0]!;
    expect(line).toContain(row.file);
    for (const s of row.says) expect(line).toMatch(typeof s === "string" ? new RegExp(escapeRegExp(s)) : s);
    expect(r.status, line).toBe(row.code);
    // nothing half-written beside the output: no file, no temporary file
    expect(readdirSync(dir).filter((f) => f.includes(row.name.replace(/[^a-z0-9]+/gi, "-")))).toEqual([]);
  });
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

describe("files a user's editor may produce", () => {
  it("an Audit saved with a UTF-8 byte-order mark (Windows Notepad) is read", () => {
    const out = join(dir, "bom.assessment.json");
    const r = spawnSync(process.execPath, [BIN, "report", `${H}/bom.audit.json`, "--json", out, "-q"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(r.stderr).not.toContain("not valid JSON");
    expect(r.status, r.stderr).toBe(0);
  });
});
