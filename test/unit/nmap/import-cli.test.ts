import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAudit } from "../../../schema/parse-audit.js";
import { fixturePath } from "./fixtures.js";

/**
 * `sweetspot import` as a user runs it: the built CLI (bin/sweetspot.js → dist/). This test relies
 * on dist being built (`npm run build`; `npm test` builds first) and fails loudly when it is
 * missing or older than the source, rather than building here (other test files share dist/).
 */
const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const BIN = join(ROOT, "bin/sweetspot.js");

function sweetspot(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 20_000,
  });
  return {
    code: result.status,
    stdout: result.stdout,
    stderrLines: result.stderr.split("\n").filter(Boolean),
  };
}

let dir: string;
beforeAll(() => {
  for (const source of ["agent/import-nmap.ts", "agent/nmap/parse-xml.ts", "cli/commands/import.ts"]) {
    const built = join(ROOT, "dist", source.replace(/\.ts$/, ".js"));
    if (!existsSync(built) || statSync(built).mtimeMs < statSync(join(ROOT, source)).mtimeMs) {
      throw new Error(`${built} is missing or older than ${source}: run \`npm run build\` first`);
    }
  }
  dir = mkdtempSync(join(tmpdir(), "sweetspot-import-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("sweetspot import (built CLI)", () => {
  it("writes a valid, private Audit from a real nmap scan and prints one summary line", () => {
    const out = join(dir, "audit.json");
    const { code, stdout, stderrLines } = sweetspot(
      "import",
      fixturePath("loopback-sv-o.xml"),
      "--out",
      out,
      "--client",
      "Example Dental",
    );
    expect(code).toBe(0);
    expect(stderrLines).toEqual([]);
    expect(stdout).toBe(`Imported 1 host with 4 open ports from 1 nmap file → ${out}\n`);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const parsed = parseAudit(JSON.parse(readFileSync(out, "utf8")));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.audit.client).toEqual({ name: "Example Dental" });
    const ssh = parsed.audit.hosts[0]?.services.find((s) => s.port === 18022);
    expect(ssh).toMatchObject({ product: "OpenSSH", version: "8.9p1 Ubuntu 3ubuntu0.6" });
    expect(parsed.audit.hosts[0]?.services.find((s) => s.port === 8080)?.scripts["http-title"]?.output).toBe(
      "Example Office NAS - Login",
    );
  });

  it("imports an interrupted scan as a partial Audit and says so", () => {
    const out = join(dir, "partial.json");
    const { code, stdout, stderrLines } = sweetspot(
      "import",
      fixturePath("hand-made-truncated.xml"),
      "--out",
      out,
    );
    expect(code).toBe(0);
    expect(stdout).toContain("Imported 2 hosts with 2 open ports from 1 nmap file");
    expect(stdout).toContain("(partial: a scan was interrupted)");
    expect(stderrLines).toEqual([
      expect.stringMatching(/^! .*the scan was interrupted.*kept 2 complete hosts/),
    ]);
    const parsed = parseAudit(JSON.parse(readFileSync(out, "utf8")));
    expect(parsed.ok && parsed.audit.status).toBe("partial");
    expect(parsed.ok && parsed.audit.client.name).toBe("Unnamed client");
  });

  it.each([
    [
      "a PNG image",
      "scan.png",
      Buffer.from([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe,
      ]),
    ],
    ["the file is empty", "empty.xml", Buffer.alloc(0)],
  ])("exits 1 with one line, no stack trace, for %s", (reason, name, bytes) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    const out = join(dir, `${name}.json`);
    const { code, stdout, stderrLines } = sweetspot("import", file, "--out", out);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderrLines).toEqual([
      `sweetspot: ${file}: not an nmap XML scan (${reason}) — produce one with nmap -oX ${file}`,
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it("exits 2 naming a file that does not exist", () => {
    const missing = join(dir, "nope.xml");
    const { code, stderrLines } = sweetspot("import", missing, "--out", join(dir, "x.json"));
    expect(code).toBe(2);
    expect(stderrLines).toEqual([
      `sweetspot: ${missing}: no such file — check the path of the nmap XML scan`,
    ]);
  });
});
