import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildAuditFromScans, readNmapScans } from "../../../../agent/import-nmap.js";
import { classifyDevices } from "../../../../report/analyze/classify/classify-devices.js";
import { SCENARIOS } from "../../../lab/scenarios/index.js";

// nmap XML recorded from the lab scenarios (test/lab/record-fixtures.ts), imported, classified and
// compared with each scenario's ground truth (the role every lab host was built to play).
const SCANS = ["discovery", "services", "os"];
/** Scenarios recorded so far (a newly added scenario joins once its XML is recorded). */
const RECORDED = ["office", "shop", "growing", "office-next-quarter"] as const;

describe.each(RECORDED.map((name) => [name, SCENARIOS[name]] as const))(
  "lab scenario %s, recorded",
  async (name, scenario) => {
    const files = SCANS.map((scan) =>
      fileURLToPath(new URL(`../../../fixtures/nmap/lab-${name}-${scan}.xml`, import.meta.url)),
    );
    const present = files.filter((path) => existsSync(path));
    const audit = buildAuditFromScans(await readNmapScans(present), {
      client: { name: `lab ${name}` },
      now: () => new Date("2026-11-27T12:00:00Z"),
      auditId: `lab-${name}`,
    });
    const devices = classifyDevices(audit);

    it("has all three recorded scans", () => {
      expect(present).toEqual(files);
    });

    it.each(scenario.hosts.map((host) => [`${scenario.net}.${host.octet}`, host.name, host.role] as const))(
      "%s (%s) is a %s",
      (ip, _host, role) => {
        const device = devices.find((candidate) => candidate.ip === ip);
        expect(device, `no device for ${ip}`).toBeDefined();
        expect(device!.role).toBe(role);
      },
    );
  },
);
