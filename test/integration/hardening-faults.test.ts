import { spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FailError } from "../../lib/errors.js";
import type { LabHandle } from "../lab/index.js";
import { saveAuditToStore } from "../../report/history/store.js";
import { parseAudit } from "../../schema/parse-audit.js";
import type { Audit } from "../../schema/audit.js";
import {
  BIN,
  ROOT,
  bringUpHostile,
  descendants,
  errorLines,
  startCli,
} from "../unit/hardening/support/hostile-lab.js";

/**
 * Faults a consultant meets on a laptop: a full disk, a read-only or unwritable folder, Chromium
 * crashing or hanging, nmap dying mid-scan. Each ends with one clear line and exit 1; what was
 * already done is kept (the partial Audit, the HTML); no half-written file is ever left; stored
 * audits are never damaged. Needs root (tmpfs mounts, setpriv) like the rest of the lab project.
 */
const GOOD = join(ROOT, "test/fixtures/audits/hand-made-workgroup-office.audit.json");

let base: string;
const mounts: string[] = [];

function sweetspot(
  args: string[],
  opts: { env?: Record<string, string>; asNobody?: boolean; timeoutMs?: number } = {},
) {
  const prefix = opts.asNobody
    ? ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"]
    : [];
  const argv = [...prefix, process.execPath, BIN, ...args];
  const started = Date.now();
  const r = spawnSync(argv[0]!, argv.slice(1), {
    cwd: ROOT,
    encoding: "utf8",
    timeout: opts.timeoutMs ?? 60_000,
    env: { ...process.env, NO_COLOR: "1", SWEETSPOT_DEBUG: "", ...opts.env },
  });
  return { code: r.status, stderr: r.stderr, stdout: r.stdout, seconds: (Date.now() - started) / 1000 };
}

function expectOneLine(stderr: string, ...says: (string | RegExp)[]): string {
  expect(stderr).not.toMatch(/^\s+at /m);
  const lines = errorLines(stderr);
  expect(lines, stderr).toHaveLength(1);
  for (const s of says)
    expect(lines[0]).toMatch(
      typeof s === "string" ? new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) : s,
    );
  return lines[0]!;
}

function tempFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => /\.tmp$/.test(f));
}

function mountTmpfs(dir: string, options: string): void {
  mkdirSync(dir, { recursive: true });
  const r = spawnSync("mount", ["-t", "tmpfs", "-o", options, "sweetspot-hardening", dir], {
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`mount tmpfs on ${dir}: ${r.stderr}`);
  mounts.push(dir);
}

/** Fills a file system until it is full, leaving `free` bytes or less. */
function fill(dir: string): void {
  const chunk = Buffer.alloc(4096, 0x61);
  for (let i = 0; ; i++) {
    try {
      writeFileSync(join(dir, `filler-${i}`), chunk);
    } catch {
      return;
    }
  }
}

beforeAll(() => {
  base = mkdtempSync(join("/tmp", "sweetspot-faults-"));
  chmodSync(base, 0o755);
});

afterAll(() => {
  for (const m of mounts.reverse()) {
    const r = spawnSync("umount", [m]);
    if (r.status !== 0) spawnSync("umount", ["-l", m]);
  }
  rmSync(base, { recursive: true, force: true });
});

describe("a full disk (64 kB tmpfs)", () => {
  let full: string;
  beforeAll(() => {
    full = join(base, "full");
    mountTmpfs(full, "size=64k,mode=0755");
    writeFileSync(join(full, "keep.assessment.json"), "OLD\n");
    mkdirSync(join(full, "store", "acme"), { recursive: true, mode: 0o700 });
    writeFileSync(join(full, "store", "acme", "2026-01-01T000000-a.audit.json"), readFileSync(GOOD, "utf8"));
    fill(full);
  });

  it("report --json: one line (disk full, the fix), exit 1, no file and no temporary file", () => {
    const r = sweetspot(["report", GOOD, "--json", join(full, "a.assessment.json"), "-q"]);
    expectOneLine(r.stderr, "a.assessment.json", "the disk is full", "--out");
    expect(r.code).toBe(1);
    expect(existsSync(join(full, "a.assessment.json"))).toBe(false);
    expect(tempFiles(full)).toEqual([]);
  });

  it("an existing file is never half-overwritten: it keeps its old content", () => {
    const r = sweetspot(["report", GOOD, "--json", join(full, "keep.assessment.json"), "-q"]);
    expect(r.code).toBe(1);
    expect(readFileSync(join(full, "keep.assessment.json"), "utf8")).toBe("OLD\n");
    expect(tempFiles(full)).toEqual([]);
  });

  it("import --out: exit 1, nothing left behind", () => {
    const r = sweetspot([
      "import",
      join(ROOT, "test/fixtures/nmap/hand-made-windows-domain.xml"),
      "--out",
      join(full, "i.audit.json"),
    ]);
    expectOneLine(r.stderr, "the disk is full");
    expect(r.code).toBe(1);
    expect(existsSync(join(full, "i.audit.json"))).toBe(false);
    expect(tempFiles(full)).toEqual([]);
  });

  it("the PDF fails on the full disk, the HTML written elsewhere is kept", () => {
    const html = join(base, "kept.html");
    const r = sweetspot(["report", GOOD, "--out", join(full, "r.pdf"), "--html", html, "-q"], {
      timeoutMs: 180_000,
    });
    expectOneLine(r.stderr, "r.pdf", "the disk is full");
    expect(r.code).toBe(1);
    expect(readFileSync(html, "utf8")).toMatch(/<\/html>\s*$/);
    expect(existsSync(join(full, "r.pdf"))).toBe(false);
    expect(tempFiles(full)).toEqual([]);
  });

  it("the client store: saving on a full disk throws FailError, keeps the stored audits, leaves no temp file", async () => {
    const audit = (parseAudit(JSON.parse(readFileSync(GOOD, "utf8"))) as { ok: true; audit: Audit }).audit;
    const before = readdirSync(join(full, "store"), { recursive: true, encoding: "utf8" }).sort();
    const stored = readFileSync(join(full, "store", "acme", "2026-01-01T000000-a.audit.json"), "utf8");
    await expect(saveAuditToStore(audit, join(full, "store"))).rejects.toBeInstanceOf(FailError);
    await expect(saveAuditToStore(audit, join(full, "store"))).rejects.toThrow(/disk is full|no space/i);
    expect(readFileSync(join(full, "store", "acme", "2026-01-01T000000-a.audit.json"), "utf8")).toBe(stored);
    const after = readdirSync(join(full, "store"), { recursive: true, encoding: "utf8" }).filter((f) =>
      /\.audit\.json$|\.tmp$/.test(f),
    );
    expect(after.filter((f) => /\.tmp$/.test(f))).toEqual([]);
    expect(after.every((f) => before.includes(f))).toBe(true);
  });
});

describe("folders that cannot be written", () => {
  it("a read-only file system: one line, exit 1", () => {
    const ro = join(base, "ro");
    mountTmpfs(ro, "size=64k,ro");
    const r = sweetspot(["report", GOOD, "--json", join(ro, "a.json"), "-q"]);
    expectOneLine(r.stderr, "a.json", "read-only");
    expect(r.code).toBe(1);
  });

  it("a folder the user may not write (run as nobody): one line, exit 1, nothing written", () => {
    const locked = join(base, "locked");
    mkdirSync(locked, { mode: 0o555 });
    chmodSync(locked, 0o555);
    const r = sweetspot(["report", GOOD, "--json", join(locked, "a.json"), "-q"], { asNobody: true });
    expectOneLine(r.stderr, "a.json", "permission denied", "--out");
    expect(r.code).toBe(1);
    expect(readdirSync(locked)).toEqual([]);
  });

  it("a folder that does not exist: one line naming it, exit 1", () => {
    const r = sweetspot(["report", GOOD, "--json", join(base, "no-such-folder", "a.json"), "-q"]);
    expectOneLine(r.stderr, "no-such-folder", "does not exist");
    expect(r.code).toBe(1);
  });
});

describe("Chromium crashing or hanging", () => {
  it("CHROME_PATH exits 1 at once: one line, exit 1, the HTML kept beside the PDF, no PDF", () => {
    const dir = join(base, "crash");
    mkdirSync(dir);
    const fake = join(base, "chromium-crash.sh");
    writeFileSync(fake, "#!/bin/sh\necho 'fake chromium: crashing' >&2\nexit 1\n", { mode: 0o755 });
    const r = sweetspot(["report", GOOD, "--out", join(dir, "r.pdf"), "-q"], { env: { CHROME_PATH: fake } });
    const line = expectOneLine(r.stderr, "Chromium", "r.html");
    expect(r.code, line).toBe(1);
    expect(readFileSync(join(dir, "r.html"), "utf8")).toMatch(/<\/html>\s*$/);
    expect(existsSync(join(dir, "r.pdf"))).toBe(false);
    expect(tempFiles(dir)).toEqual([]);
  });

  it("CHROME_PATH never answers: gives up within its bound, one line, the HTML kept, no browser left running", () => {
    const dir = join(base, "hang");
    mkdirSync(dir);
    const pidFile = join(base, "chromium-hang.pid");
    const fake = join(base, "chromium-hang.sh");
    writeFileSync(fake, `#!/bin/sh\necho $$ > '${pidFile}'\nexec sleep 100000\n`, { mode: 0o755 });
    const r = sweetspot(["report", GOOD, "--out", join(dir, "r.pdf"), "--html", join(dir, "r.html"), "-q"], {
      env: { CHROME_PATH: fake, SWEETSPOT_PDF_TIMEOUT: "10" },
      timeoutMs: 150_000,
    });
    const pid = Number(readFileSync(pidFile, "utf8"));
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = true;
      process.kill(pid, "SIGKILL"); // ours (started by this test's fake Chromium): end it by id
    } catch {
      /* gone, as it should be */
    }
    // The print bound is 10 s here; the launch, close and exit may add a little, not minutes.
    expect(r.seconds, "sweetspot report did not end while the browser hung").toBeLessThan(30);
    expect(alive, "the hung browser process was left running").toBe(false);
    expectOneLine(r.stderr, /Chromium/, "r.html");
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, "r.html"), "utf8")).toMatch(/<\/html>\s*$/);
    expect(existsSync(join(dir, "r.pdf"))).toBe(false);
  }, 240_000);
});

describe("nmap killed mid-scan (hostile lab)", () => {
  let lab: LabHandle;
  beforeAll(async () => {
    lab = await bringUpHostile();
  }, 120_000);
  afterAll(async () => {
    await lab?.down();
  });

  it("writes the partial Audit (status partial, valid, 0600), says so in one line, exit 1, no temp file", async () => {
    const dir = join(base, "killed");
    mkdirSync(dir);
    const out = join(dir, "partial.audit.json");
    const { child, done } = startCli(lab.agentNs, [
      "scan",
      "--yes",
      "--client",
      "Killed",
      "--out",
      out,
      "--host-timeout",
      "120",
    ]);
    // Wait for the service scan (the tarpit keeps it busy), then kill the nmap that OUR scan
    // started, by its pid: never a pattern that could hit another engineer's lab run.
    const deadline = Date.now() + 60_000;
    let nmapPid: number | undefined;
    let stderr = "";
    child.stderr?.on("data", (d) => {
      stderr += d;
    });
    while (!nmapPid && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      if (!/services/.test(stderr)) continue;
      nmapPid = descendants(child.pid!).find((p) => p.comm === "nmap")?.pid;
    }
    expect(nmapPid, "nmap of the service phase was found").toBeDefined();
    await new Promise((r) => setTimeout(r, 3000));
    process.kill(nmapPid!, "SIGKILL");
    const r = await done;
    expectOneLine(r.stderr, "partial", out);
    expect(r.code).toBe(1);
    const parsed = parseAudit(JSON.parse(readFileSync(out, "utf8")));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.audit.status).toBe("partial");
      expect(parsed.audit.hosts.length).toBeGreaterThan(0);
      expect(parsed.audit.warnings.length).toBeGreaterThan(0);
    }
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(tempFiles(dir)).toEqual([]);
  }, 240_000);

  it("Ctrl-C (SIGINT to our scan) mid-scan: the partial Audit is written, one line, exit 1, no nmap left", async () => {
    const dir = join(base, "interrupted");
    mkdirSync(dir);
    const out = join(dir, "partial.audit.json");
    const { child, done } = startCli(lab.agentNs, ["scan", "--yes", "--client", "Interrupted", "--out", out]);
    let stderr = "";
    child.stderr?.on("data", (d) => {
      stderr += d;
    });
    const deadline = Date.now() + 60_000;
    let nmapPid: number | undefined;
    while (!nmapPid && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      if (/services/.test(stderr)) nmapPid = descendants(child.pid!).find((p) => p.comm === "nmap")?.pid;
    }
    expect(nmapPid).toBeDefined();
    await new Promise((r) => setTimeout(r, 3000));
    child.kill("SIGINT");
    const r = await done;
    expectOneLine(r.stderr, "interrupted", "partial", out);
    expect(r.code).toBe(1);
    let nmapAlive = false;
    try {
      process.kill(nmapPid!, 0);
      nmapAlive = true;
      process.kill(nmapPid!, "SIGKILL"); // the nmap our scan started: end it by id
    } catch {
      /* ended with the scan, as it should */
    }
    expect(nmapAlive, "nmap kept running after the scan stopped").toBe(false);
    const parsed = parseAudit(JSON.parse(readFileSync(out, "utf8")));
    expect(parsed.ok && parsed.audit.status).toBe("partial");
    expect(statSync(out).mode & 0o777).toBe(0o600);
  }, 240_000);
});
