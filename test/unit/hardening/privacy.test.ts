import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFileAtomic } from "../../../lib/atomic-write.js";
import { saveAuditToStore } from "../../../report/history/store.js";
import type { Audit } from "../../../schema/audit.js";
import { parseAudit } from "../../../schema/parse-audit.js";

/**
 * Files that hold a client's network are private to the user who wrote them: Audits and stored
 * audits 0600, store folders 0700, whatever the umask and whatever mode an older file had.
 */
const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const GOOD = join(ROOT, "test/fixtures/audits/hand-made-workgroup-office.audit.json");

let dir: string;
let audit: Audit;
let umask: number;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "sweetspot-privacy-"));
  const parsed = parseAudit(JSON.parse(readFileSync(GOOD, "utf8")));
  if (!parsed.ok) throw new Error("fixture audit is invalid");
  audit = parsed.audit;
  umask = process.umask(0o000); // the most permissive umask a laptop could have
});

afterAll(() => {
  process.umask(umask);
  rmSync(dir, { recursive: true, force: true });
});

const mode = (path: string) => statSync(path).mode & 0o777;

describe("owner-only files", () => {
  it("the client store: audit files 0600, client and store folders 0700 (umask 000)", async () => {
    const store = join(dir, "store");
    const path = await saveAuditToStore(audit, store);
    expect(mode(path)).toBe(0o600);
    expect(mode(join(path, ".."))).toBe(0o700);
    expect(mode(store)).toBe(0o700);
  });

  it("an Audit written over an older world-readable file becomes 0600", async () => {
    const path = join(dir, "old.audit.json");
    writeFileSync(path, "{}", { mode: 0o644 });
    await writeFileAtomic(path, JSON.stringify(audit), { mode: 0o600 });
    expect(mode(path)).toBe(0o600);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("sweetspot import --out writes the Audit 0600", () => {
    const out = join(dir, "imported.audit.json");
    const r = spawnSync(
      process.execPath,
      [join(ROOT, "bin/sweetspot.js"), "import", join(ROOT, "test/fixtures/nmap/hand-made-windows-domain.xml"), "--out", out],
      { cwd: ROOT, encoding: "utf8", timeout: 30_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(mode(out)).toBe(0o600);
  });
});
