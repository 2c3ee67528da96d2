import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { type RenderOutcome, watchReport } from "../../../cli/commands/report-watch.js";
import { Progress } from "../../../lib/progress.js";
import { readAuditFile } from "../../../lib/read-document.js";
import { PdfPrinter } from "../../../report/render/pdf-printer.js";

// One real Chromium for every render of the watch: the point of --watch.
const dir = mkdtempSync(join(tmpdir(), "sweetspot-watch-test-"));
const profileParent = mkdtempSync(join(tmpdir(), "sweetspot-watch-profiles-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(profileParent, { recursive: true, force: true });
});

const SAMPLE = join(process.cwd(), "report/samples/office.audit.json");

function pdfText(path: string): string {
  return execFileSync("pdftotext", [path, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
}

/** Saves the way many editors do: a new file renamed over the old one. */
function saveByRename(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

describe("report --watch", () => {
  it("re-renders on every save with one Chromium, keeps the last good report on a bad save, and stops cleanly", async () => {
    const auditPath = join(dir, "office.audit.json");
    const answersPath = join(dir, "answers.yaml");
    const pdfPath = join(dir, "report.pdf");
    writeFileSync(auditPath, readFileSync(SAMPLE));
    writeFileSync(answersPath, "client:\n  name: First Name Ltd\n");

    const outcomes: RenderOutcome[] = [];
    const waiters: ((outcome: RenderOutcome) => void)[] = [];
    const nextRender = () => new Promise<RenderOutcome>((resolve) => waiters.push(resolve));
    const stream = new PassThrough();
    let printed = "";
    stream.on("data", (chunk) => {
      printed += chunk.toString();
    });
    const printer = new PdfPrinter({ profileParent, closeOnSignals: false });
    const stop = new AbortController();
    const first = nextRender();
    const watching = watchReport({
      auditPath,
      audit: (await readAuditFile(auditPath)).audit,
      flags: { answers: answersPath, useStore: false },
      targets: { pdf: pdfPath },
      progress: new Progress({ stream: stream as unknown as NodeJS.WriteStream }),
      signal: stop.signal,
      printer,
      onRender: (outcome) => {
        outcomes.push(outcome);
        waiters.shift()?.(outcome);
      },
    });

    const initial = await first;
    expect(initial.ok).toBe(true);
    expect(pdfText(pdfPath)).toContain("First Name Ltd");

    // An answers change: the client's name in the PDF follows it.
    let next = nextRender();
    saveByRename(answersPath, "client:\n  name: Second Name Ltd\n");
    const renamed = await next;
    expect(renamed).toMatchObject({ ok: true, changed: [answersPath] });
    expect(pdfText(pdfPath)).toContain("Second Name Ltd");

    // A mistake: one line naming the file and the field; the last good PDF stays.
    const goodPdf = readFileSync(pdfPath);
    next = nextRender();
    writeFileSync(answersPath, "employees: lots\n");
    const bad = await next;
    expect(bad.ok).toBe(false);
    expect(bad.ok ? "" : bad.error).toMatch(/answers\.yaml.*employees/);
    expect(readFileSync(pdfPath).equals(goodPdf)).toBe(true);

    // The audit itself changes (a host fewer): read again, the device count follows.
    const audit = JSON.parse(readFileSync(auditPath, "utf8"));
    const before = (renamed.ok ? renamed.result.assessment.devices.length : 0) as number;
    audit.hosts = audit.hosts.filter((host: { ip: string }) => host.ip !== audit.hosts.at(-1).ip);
    next = nextRender();
    writeFileSync(answersPath, "client:\n  name: Second Name Ltd\n");
    saveByRename(auditPath, JSON.stringify(audit));
    let fixed = await next;
    // The two saves may land in one render or two; wait until the audit's has been rendered.
    while (!(fixed.ok && fixed.changed.includes(auditPath))) fixed = await nextRender();
    expect(fixed.ok && fixed.result.assessment.devices.length).toBe(before - 1);

    stop.abort();
    await watching;
    expect(printer.launches).toBe(1);
    expect(readdirSync(profileParent)).toEqual([]);
    expect(printed).toMatch(/answers\.yaml changed: rendered in [\d.]+ m?s \(analysis [\d.]+ m?s, HTML [\d.]+ m?s, PDF [\d.]+ m?s\)/);
    expect(printed).toMatch(/! \d\d:\d\d:\d\d .*answers\.yaml.*the last good report is kept/);
    expect(printed).toMatch(/stopped watching\n$/);
    expect(existsSync(pdfPath)).toBe(true);
    expect(outcomes.length).toBeGreaterThanOrEqual(4);
  }, 90_000);
});
