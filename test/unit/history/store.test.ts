import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditFileName } from "../../../report/history/audit-file-name.js";
import { clientSlug } from "../../../report/history/client-slug.js";
import {
  listAudits,
  listClients,
  loadAudits,
  loadEarlierAudits,
  saveAuditToStore,
} from "../../../report/history/store.js";
import { resolveStoreDir } from "../../../report/history/store-location.js";
import { audit, host } from "../../fixtures/history/build.js";

let store: string;
beforeEach(async () => {
  store = await mkdtemp(join(tmpdir(), "sweetspot-store-"));
});
afterEach(async () => {
  await rm(store, { recursive: true, force: true });
});

const acme = (startedAt: string, auditId: string, ips = ["10.9.0.10"]) =>
  audit({ client: "Acme & Sons, Inc.", startedAt, auditId, hosts: ips.map((ip) => host(ip)) });

describe("client store", () => {
  it("saves each audit as a private file in a private client folder and reads it back", async () => {
    const original = acme("2026-05-12T09:30:15.250Z", "01970a3c-1111-7abc-8def-0123456789ab");
    const path = await saveAuditToStore(original, store);
    expect(path).toBe(join(store, "acme-and-sons-inc", "2026-05-12T093015-456789ab.audit.json"));
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(store, "acme-and-sons-inc"))).mode & 0o777).toBe(0o700);
    const [loaded] = await loadAudits("Acme & Sons, Inc.", store);
    expect(loaded?.audit).toEqual(original);
  });

  it("leaves no temporary file behind and rewrites one file when the same audit is saved twice", async () => {
    const one = acme("2026-05-12T09:30:15Z", "01970a3c-1111-7abc-8def-0123456789ab");
    await saveAuditToStore(one, store);
    await saveAuditToStore(one, store);
    expect(await readdir(join(store, "acme-and-sons-inc"))).toEqual([
      "2026-05-12T093015-456789ab.audit.json",
    ]);
  });

  it("lists clients with audit counts and last date, and audits oldest first", async () => {
    await saveAuditToStore(acme("2026-08-01T10:00:00Z", "id-0000000c"), store);
    await saveAuditToStore(acme("2026-02-01T10:00:00Z", "id-0000000a"), store);
    await saveAuditToStore(acme("2026-05-01T10:00:00Z", "id-0000000b"), store);
    await saveAuditToStore(
      audit({ client: "Bayside Dental", startedAt: "2026-03-03T08:00:00Z", hosts: [] }),
      store,
    );

    expect(await listClients(store)).toEqual([
      expect.objectContaining({
        slug: "acme-and-sons-inc",
        name: "Acme & Sons, Inc.",
        audits: 3,
        lastStartedAt: "2026-08-01T10:00:00Z",
      }),
      expect.objectContaining({ slug: "bayside-dental", name: "Bayside Dental", audits: 1 }),
    ]);
    expect((await listAudits("acme-and-sons-inc", store)).map((a) => a.startedAt)).toEqual([
      "2026-02-01T10:00:00Z",
      "2026-05-01T10:00:00Z",
      "2026-08-01T10:00:00Z",
    ]);
    const latest = acme("2026-08-01T10:00:00Z", "id-0000000c");
    expect((await loadEarlierAudits(latest, store)).map((a) => a.auditId)).toEqual([
      "id-0000000a",
      "id-0000000b",
    ]);
  });

  it("skips a damaged file and says which, instead of losing the whole history", async () => {
    await saveAuditToStore(acme("2026-02-01T10:00:00Z", "id-0000000a"), store);
    const damaged = join(store, "acme-and-sons-inc", "2026-03-01T100000-deadbeef.audit.json");
    await writeFile(damaged, '{"schemaVersion": 1, "hosts": [');
    const skipped: string[] = [];
    const loaded = await loadAudits("Acme & Sons, Inc.", store, { onSkip: (path) => skipped.push(path) });
    expect(loaded).toHaveLength(1);
    expect(skipped).toEqual([damaged]);
  });

  it("an empty or missing store lists nothing", async () => {
    expect(await listClients(join(store, "nowhere"))).toEqual([]);
    expect(await listAudits("Nobody", store)).toEqual([]);
  });

  it("writes the same bytes as the audit JSON (a plain file a consultant can read)", async () => {
    const one = acme("2026-05-12T09:30:15Z", "abc");
    const path = await saveAuditToStore(one, store);
    expect(JSON.parse(await readFile(path, "utf8"))).toEqual(one);
    // No auditId long enough: the tag comes from a hash of the audit.
    expect(auditFileName(one)).toMatch(/^2026-05-12T093015-[0-9a-f]{8}\.audit\.json$/);
  });
});

describe("store location", () => {
  it.each([
    { flag: "/tmp/flag-store", env: "/tmp/env-store", expected: "/tmp/flag-store" },
    { flag: undefined, env: "/tmp/env-store", expected: "/tmp/env-store" },
  ])("--store $flag beats SWEETSPOT_STORE $env", ({ flag, env, expected }) => {
    expect(resolveStoreDir(flag, { SWEETSPOT_STORE: env })).toBe(expected);
  });

  it("defaults to a clients folder in the user's data directory", () => {
    expect(resolveStoreDir(undefined, {})).toMatch(/sweetspot[/\\](Data[/\\])?clients$/);
  });

  it.each([
    ["Acme & Sons, Inc.", "acme-and-sons-inc"],
    ["Zahnarztpraxis Müller", "zahnarztpraxis-muller"],
    ["../../etc", "etc"],
    ["   ", "unnamed-client"],
  ])("client %j → folder %j", (name, slug) => {
    expect(clientSlug(name)).toBe(slug);
  });
});
