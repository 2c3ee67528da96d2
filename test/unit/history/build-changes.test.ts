import { describe, expect, it } from "vitest";
import { buildChanges } from "../../../report/history/build-changes.js";
import { toChangesView } from "../../../report/history/changes-view.js";
import { assessment, audit, device, finding, host, openPorts } from "../../fixtures/history/build.js";

const fs01 = (ip = "10.9.0.10") =>
  device(ip, "file-server", { mac: "00:15:5d:00:00:10", name: "FS01", os: "Windows Server 2012 R2" });
const pc = (n: number, ip = `10.9.0.${100 + n}`) =>
  device(ip, "workstation", { mac: `00:1a:a0:00:00:${String(n).padStart(2, "0")}`, name: `PC-${n}` });
const ups = device("10.9.0.40", "ups", { mac: "00:c0:b7:00:00:40", name: "ups1" });

const q1 = assessment({
  startedAt: "2026-02-10T09:00:00Z",
  auditId: "0190-aaaa",
  devices: [fs01(), pc(1), pc(2), ups],
  findings: [
    finding("smb1-enabled", ["10.9.0.10", "10.9.0.101"], "high"),
    finding("telnet-open", ["10.9.0.40"], "medium"),
    finding("no-offsite-backup", [], "high"),
  ],
  fit: 62,
  risk: 58,
});
const q2 = assessment({
  startedAt: "2026-05-12T09:00:00Z",
  // PC-1 moved from .101 to .120 (DHCP); a third PC arrived; the UPS is gone.
  devices: [fs01(), pc(1, "10.9.0.120"), pc(2), pc(3)],
  findings: [
    finding("smb1-enabled", ["10.9.0.120"], "high"),
    finding("no-ups-detected", [], "medium"),
    finding("no-offsite-backup", [], "high"),
  ],
  fit: 66,
  risk: 49,
});

describe("buildChanges", () => {
  const changes = buildChanges([q1], q2);

  it("lists added and removed devices, and an address move as a change", () => {
    expect(changes.devices.added.map((d) => d.name)).toEqual(["PC-3"]);
    expect(changes.devices.removed.map((d) => `${d.name} ${d.role}`)).toEqual(["ups1 ups"]);
    expect(changes.devices.changed).toEqual([
      expect.objectContaining({
        name: "PC-1",
        ip: "10.9.0.120",
        details: ["address 10.9.0.101 → 10.9.0.120"],
      }),
    ]);
  });

  it("shows SMB1 resolved on the file server and persisting on the PC that moved", () => {
    expect(changes.findings.resolved).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: "smb1-enabled", hosts: ["10.9.0.10"] })]),
    );
    expect(changes.findings.persisting).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: "smb1-enabled", hosts: ["10.9.0.120"] })]),
    );
  });

  it("credits fixes separately from new findings, and does not credit what left with a device", () => {
    expect(changes.findings.resolved.map((f) => f.id)).toEqual(["smb1-enabled"]);
    expect(changes.findings.goneWithDevice).toEqual([
      expect.objectContaining({ id: "telnet-open", hosts: ["10.9.0.40"] }),
    ]);
    expect(changes.findings.new.map((f) => f.id)).toEqual(["no-ups-detected"]);
    expect(changes.findings.persisting.map((f) => f.id).sort()).toEqual([
      "no-offsite-backup",
      "smb1-enabled",
    ]);
  });

  it("a finding on a device that left and on one that stayed: gone for the first, fixed for the second", () => {
    const before = assessment({
      startedAt: "2026-02-10T09:00:00Z",
      devices: [fs01(), ups],
      findings: [finding("http-admin-unencrypted", ["10.9.0.10", "10.9.0.40"], "medium")],
    });
    const after = assessment({ startedAt: "2026-05-12T09:00:00Z", devices: [fs01()], findings: [] });
    const result = buildChanges([before], after);
    expect(result.findings.resolved).toEqual([
      expect.objectContaining({ id: "http-admin-unencrypted", hosts: ["10.9.0.10"] }),
    ]);
    expect(result.findings.goneWithDevice).toEqual([
      expect.objectContaining({ id: "http-admin-unencrypted", hosts: ["10.9.0.40"] }),
    ]);
  });

  it("a new device at a departed device's address (DHCP reuse) does not inherit its findings", () => {
    const oldPc = device("10.9.0.50", "workstation", { mac: "00:1a:a0:00:00:50", name: "OLD-PC" });
    const newPc = device("10.9.0.50", "workstation", { mac: "00:1a:a0:00:00:51", name: "NEW-PC" });
    const before = assessment({
      startedAt: "2026-02-10T09:00:00Z",
      devices: [oldPc],
      findings: [finding("vnc-open", ["10.9.0.50"])],
    });
    const after = assessment({
      startedAt: "2026-05-12T09:00:00Z",
      devices: [newPc],
      findings: [finding("vnc-open", ["10.9.0.50"])],
    });
    const result = buildChanges([before], after);
    expect(result.findings.goneWithDevice?.map((f) => f.id)).toEqual(["vnc-open"]);
    expect(result.findings.new.map((f) => f.id)).toEqual(["vnc-open"]);
    expect(result.findings.persisting).toEqual([]);
  });

  it("reports score and count deltas, and one history point per visit", () => {
    expect(changes.scores).toEqual({ fit: { before: 62, after: 66 }, risk: { before: 58, after: 49 } });
    expect(changes.counts?.devices).toEqual({ before: 4, after: 4 });
    expect(changes.counts?.workstations).toEqual({ before: 2, after: 3 });
    expect(changes.counts?.openFindings).toEqual({ before: 3, after: 3 });
    expect(changes.history.map((h) => [h.startedAt, h.devices, h.openFindings.high])).toEqual([
      ["2026-02-10T09:00:00Z", 4, 2],
      ["2026-05-12T09:00:00Z", 4, 2],
    ]);
    expect(changes.previous).toEqual({ startedAt: "2026-02-10T09:00:00Z", auditId: "0190-aaaa" });
  });

  it("compares with the newest earlier visit and keeps all of them in the history", () => {
    const q0 = assessment({
      startedAt: "2025-11-10T09:00:00Z",
      devices: [fs01()],
      findings: [],
      fit: 50,
      risk: 70,
    });
    const threeVisits = buildChanges([q0, q1], q2);
    expect(threeVisits.scores.fit.before).toBe(62);
    expect(threeVisits.history.map((h) => h.fit)).toEqual([50, 62, 66]);
  });

  it("does not call a finding fixed when its rule failed this time", () => {
    const failed = assessment({
      startedAt: "2026-05-12T09:00:00Z",
      devices: q1.devices,
      findings: [finding("telnet-open", [], "medium", { status: "error", errorMessage: "rule crashed" })],
    });
    const result = buildChanges([q1], failed);
    expect(result.findings.resolved.map((f) => f.id).sort()).toEqual(["no-offsite-backup", "smb1-enabled"]);
    expect(result.findings.persisting.map((f) => f.id)).toEqual(["telnet-open"]);
  });

  it.each([
    {
      case: "SMB1 turned off silences smb-os-discovery; the fingerprint guess is not an OS change",
      before: { scripts: { "smb-os-discovery": { output: "OS: Windows 6.1 (Samba 4.17)" } } },
      after: { os: { matches: [{ name: "Linux 5.3 - 5.4", accuracy: 96 }] } },
      osBefore: "Windows 6.1",
      osAfter: "Linux 5.3 - 5.4",
      expected: [],
    },
    {
      case: "two fingerprint guesses of the same family are the same machine",
      before: { os: { matches: [{ name: "Linux 3.2", accuracy: 91 }] } },
      after: { os: { matches: [{ name: "Linux 5.3 - 5.4", accuracy: 93 }] } },
      osBefore: "Linux 3.2",
      osAfter: "Linux 5.3 - 5.4",
      expected: [],
    },
    {
      case: "smb-os-discovery both times, different Windows: an upgrade",
      before: { scripts: { "smb-os-discovery": { output: "OS: Windows 7 Professional 7601" } } },
      after: { scripts: { "smb-os-discovery": { output: "OS: Windows 10 Pro 19045" } } },
      osBefore: "Windows 7 Professional 7601",
      osAfter: "Windows 10 Pro 19045",
      expected: ["OS Windows 7 Professional 7601 → Windows 10 Pro 19045"],
    },
  ])("$case", ({ before, after, osBefore, osAfter, expected }) => {
    const dev = (os: string) => device("10.9.0.60", "workstation", { mac: "00:1a:a0:00:00:60", os });
    const result = buildChanges(
      [assessment({ startedAt: "2026-02-10T09:00:00Z", devices: [dev(osBefore)], findings: [] })],
      assessment({ startedAt: "2026-05-12T09:00:00Z", devices: [dev(osAfter)], findings: [] }),
      {
        previous: [audit({ startedAt: "2026-02-10T09:00:00Z", hosts: [host("10.9.0.60", before)] })],
        current: audit({ startedAt: "2026-05-12T09:00:00Z", hosts: [host("10.9.0.60", after)] }),
      },
    );
    expect(result.devices.changed.flatMap((d) => d.details)).toEqual(expected);
  });

  it("finds opened and closed services and an OS change from the audits' hosts", () => {
    const before = assessment({ startedAt: "2026-02-10T09:00:00Z", devices: [fs01()], findings: [] });
    const after = assessment({
      startedAt: "2026-05-12T09:00:00Z",
      devices: [{ ...fs01(), os: "Windows Server 2022", role: "domain-controller" }],
      findings: [],
    });
    const result = buildChanges([before], after, {
      previous: [
        audit({
          startedAt: "2026-02-10T09:00:00Z",
          hosts: [
            host("10.9.0.10", {
              services: openPorts([139, "netbios-ssn"], [445, "microsoft-ds"], [23, "telnet"]),
            }),
          ],
        }),
      ],
      current: audit({
        startedAt: "2026-05-12T09:00:00Z",
        hosts: [host("10.9.0.10", { services: openPorts([445, "microsoft-ds"], [3389, "ms-wbt-server"]) })],
      }),
    });
    expect(result.devices.changed[0]?.details).toEqual([
      "role file-server → domain-controller",
      "OS Windows Server 2012 R2 → Windows Server 2022",
      "opened 3389/tcp ms-wbt-server",
      "closed 23/tcp telnet",
      "closed 139/tcp netbios-ssn",
    ]);
  });

  it("an unchanged office yields no device changes and no new or fixed findings", () => {
    const again = assessment({
      startedAt: "2026-05-12T09:00:00Z",
      devices: q1.devices,
      findings: q1.findings,
    });
    const result = buildChanges([q1], again);
    expect(result.devices).toEqual({ added: [], removed: [], changed: [] });
    expect(result.findings.new).toEqual([]);
    expect(result.findings.resolved).toEqual([]);
    expect(result.findings.persisting).toHaveLength(3);
  });
});

describe("toChangesView: fair credit", () => {
  it("20 new findings do not hide 10 fixes", () => {
    const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`);
    const before = assessment({
      startedAt: "2026-02-10T09:00:00Z",
      devices: [fs01()],
      findings: ids("old", 10).map((id) => finding(id, ["10.9.0.10"])),
    });
    const after = assessment({
      startedAt: "2026-05-12T09:00:00Z",
      devices: [fs01()],
      findings: ids("fresh", 20).map((id) => finding(id, ["10.9.0.10"], "low")),
    });
    const view = toChangesView(buildChanges([before], after));
    expect(view.fixedCount).toBe(10);
    expect(view.newCount).toBe(20);
    expect(view.progressLine).toBe("10 findings fixed since last time; 20 new; 0 still open.");
    expect(view.fixed).toHaveLength(10);
    // Open findings went up, and the view says so plainly next to the fixes.
    expect(view.counts.find((c) => c.label === "Open findings")).toMatchObject({
      deltaText: "+10",
      tone: "worse",
    });
  });

  it("reads a lower risk score as better and labels devices", () => {
    const view = toChangesView(buildChanges([q1], q2));
    expect(view.scores).toEqual([
      { label: "Fit score", before: 62, after: 66, deltaText: "+4", tone: "neutral" },
      { label: "Risk score", before: 58, after: 49, deltaText: "−9", tone: "better" },
    ]);
    expect(view.devicesRemoved).toEqual([
      { label: "ups1 (10.9.0.40)", role: "ups", ip: "10.9.0.40", details: [] },
    ]);
    expect(view.sinceDate).toBe("10 February 2026");
    expect(view.trendChartSvg).toMatch(/^<svg /);
  });
});
