import { mkdtemp, readdirSync, readFileSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotNmapXmlError } from "../../../agent/nmap/not-nmap-xml-error.js";
import { parseNmapXml } from "../../../agent/nmap/parse-xml.js";
import { UsageError } from "../../../lib/errors.js";
import { readAuditFile } from "../../../lib/read-document.js";
import { parseAudit } from "../../../schema/parse-audit.js";

/**
 * Property tests: recorded nmap XML and Audits, mutated at random, never make a parser throw
 * anything but its own clear error. Runs are kept small (two shared cores); the seed is printed
 * by fast-check on failure so a case can be replayed.
 */
const ROOT = process.cwd();
const NMAP_DIR = join(ROOT, "test/fixtures/nmap");
const AUDIT_DIR = join(ROOT, "test/fixtures/audits");
const xmlFixtures = readdirSync(NMAP_DIR)
  .filter((f) => f.endsWith(".xml"))
  .map((f) => readFileSync(join(NMAP_DIR, f), "utf8"))
  // the big service scan is kept, but cut to its first 40 kB so one run stays fast
  .map((text) => text.slice(0, 40_000));
const auditFixtures = readdirSync(AUDIT_DIR)
  .filter((f) => f.endsWith(".audit.json"))
  .map((f) => JSON.parse(readFileSync(join(AUDIT_DIR, f), "utf8")) as unknown);

const NASTY = [
  "<",
  ">",
  "&",
  "&amp;",
  "&#0;",
  "&#xD800;",
  "&unknown;",
  "<!--",
  "]]>",
  "<![CDATA[",
  '"',
  "'",
  "\u0000",
  "\uFFFD",
  "\uD800",
  "<!DOCTYPE x [<!ENTITY a \"aaaa\">]>",
  "<host>",
  "</host>",
  "<port protocol=\"tcp\" portid=\"99999999999999999999\">",
  "<address addr=\"999.1.1.1\" addrtype=\"ipv4\"/>",
  "__proto__",
  "constructor",
  "{{7*7}}",
  "<script>alert(1)</script>",
];

/** A text edit: delete, insert, replace or duplicate a slice at a position chosen from the input. */
const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  len: fc.nat({ max: 300 }),
  kind: fc.constantFrom("delete", "insert", "replace", "duplicate", "truncate"),
  text: fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 40 }), fc.string({ unit: "binary", maxLength: 20 })),
});

function applyEdits(source: string, edits: { at: number; len: number; kind: string; text: string }[]): string {
  let s = source;
  for (const e of edits) {
    const i = Math.floor(e.at * s.length);
    const j = Math.min(s.length, i + e.len);
    if (e.kind === "delete") s = s.slice(0, i) + s.slice(j);
    else if (e.kind === "insert") s = s.slice(0, i) + e.text + s.slice(i);
    else if (e.kind === "replace") s = s.slice(0, i) + e.text + s.slice(j);
    else if (e.kind === "duplicate") s = s.slice(0, j) + s.slice(i, j) + s.slice(j);
    else s = s.slice(0, i);
  }
  return s;
}

function onlyNotNmapXmlError(xml: string): void {
  try {
    parseNmapXml(xml, "fuzz.xml");
  } catch (error) {
    if (!(error instanceof NotNmapXmlError)) {
      throw new Error(`parseNmapXml threw ${(error as Error)?.name}: ${(error as Error)?.message}`);
    }
    expect(error.message).not.toContain("\n");
  }
}

describe("parseNmapXml under mutation", () => {
  it("throws only NotNmapXmlError for text edits of recorded scans", () => {
    fc.assert(
      fc.property(fc.nat({ max: xmlFixtures.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (n, edits) => {
        onlyNotNmapXmlError(applyEdits(xmlFixtures[n]!, edits));
      }),
      { numRuns: 150 },
    );
  });

  it("throws only NotNmapXmlError for arbitrary strings and bytes", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: "binary", maxLength: 400 })),
        (text) => onlyNotNmapXmlError(text),
      ),
      { numRuns: 200 },
    );
  });

  it("throws only NotNmapXmlError when an attribute value is swapped for hostile text", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: xmlFixtures.length - 1 }),
        fc.nat(),
        fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 30 })),
        (n, pick, value) => {
          const xml = xmlFixtures[n]!;
          const attrs = [...xml.matchAll(/="([^"]*)"/g)];
          if (attrs.length === 0) return;
          const m = attrs[pick % attrs.length]!;
          const escaped = value.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");
          onlyNotNmapXmlError(`${xml.slice(0, m.index)}="${escaped}"${xml.slice(m.index! + m[0].length)}`);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("parseNmapXml and entity expansion", () => {
  it("does not expand a billion-laughs DOCTYPE (10^9 characters): quick, small, kept literal", () => {
    const xml = readFileSync(join(ROOT, "test/fixtures/hostile/entity-bomb.nmap.xml"), "utf8");
    const started = performance.now();
    let hostnames: string[] = [];
    try {
      hostnames = parseNmapXml(xml, "entity-bomb.nmap.xml").hosts.flatMap((h) => h.hostnames.map((n) => n.name));
    } catch (error) {
      expect(error).toBeInstanceOf(NotNmapXmlError);
    }
    expect(performance.now() - started).toBeLessThan(2000);
    for (const name of hostnames) expect(name.length).toBeLessThan(100);
  });
});

// --- Audits ---

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path into a JSON value, so a mutation can hit any field at any depth. */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) paths(v, [...prefix, i], out);
  }
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

function mutateAt(doc: unknown, path: (string | number)[], replacement: Json | undefined): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (replacement === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = replacement;
  return copy;
}

const hostileJson = fc.oneof<fc.Arbitrary<Json | undefined>[]>(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.constantFrom(0, -1, 1e308, Number.MAX_SAFE_INTEGER + 2, 0.5, 65536, 2),
  fc.constantFrom(...NASTY, "", "x".repeat(20_000), "999.999.1.1", "2026-13-45T99:00:00Z"),
  fc.string({ maxLength: 20 }),
  fc.constant([] as Json),
  fc.constant({} as Json),
  fc.constant({ __proto__: { polluted: true } } as unknown as Json),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
);

describe("parseAudit under mutation", () => {
  it("returns problems (or an Audit), never throws, for any field replaced or removed", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: auditFixtures.length - 1 }),
        fc.array(fc.tuple(fc.nat(), hostileJson), { minLength: 1, maxLength: 4 }),
        (n, mutations) => {
          let doc = auditFixtures[n];
          for (const [pick, value] of mutations) {
            const all = paths(doc);
            doc = mutateAt(doc, all[pick % all.length]!, value as Json | undefined);
          }
          const result = parseAudit(doc);
          if (!result.ok) {
            expect(result.problems.length).toBeGreaterThan(0);
            for (const p of result.problems) expect(typeof p.path).toBe("string");
          }
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        },
      ),
      { numRuns: 250 },
    );
  });

  it("never throws for arbitrary JSON values", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const result = parseAudit(value);
        expect(typeof result.ok).toBe("boolean");
      }),
      { numRuns: 200 },
    );
  });
});

describe("readAuditFile under mutation", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await promisify(mkdtemp)(join(tmpdir(), "sweetspot-fuzz-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("throws only UsageError (one line) for cut, edited or garbage files", async () => {
    const texts = auditFixtures.map((a) => JSON.stringify(a, null, 2));
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: texts.length - 1 }),
        fc.array(edit, { minLength: 1, maxLength: 4 }),
        async (n, edits) => {
          const file = join(dir, "audit.json");
          await writeFile(file, applyEdits(texts[n]!, edits));
          try {
            await readAuditFile(file);
          } catch (error) {
            if (!(error instanceof UsageError)) {
              throw new Error(`readAuditFile threw ${(error as Error)?.name}: ${(error as Error)?.message}`);
            }
            expect(error.line).not.toContain("\n");
            expect(error.line).toContain(file);
          }
        },
      ),
      { numRuns: 120 },
    );
  });
});
