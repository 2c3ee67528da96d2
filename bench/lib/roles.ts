import { readFileSync } from "node:fs";
import { buildAuditFromScans, readNmapScans } from "../../agent/import-nmap.js";
import { analyze } from "../../report/analyze/analyze.js";
import type { Audit } from "../../schema/audit.js";
import type { GroundTruth } from "../../test/lab/lab-types.js";

export interface RoleCheck {
  /** Ground-truth roles whose every host got that role as its primary role. */
  identified: string[];
  missed: { role: string; hosts: string[]; got: string[] }[];
  hostsSeen: number;
  hostsInTruth: number;
}

/** Compares analyze()'s device roles with the lab's ground truth, role by role. */
export function checkRoles(audit: Audit, truth: GroundTruth): RoleCheck {
  const assessment = analyze(audit);
  const byIp = new Map(assessment.devices.map((d) => [d.ip, d]));
  const roles = [...new Set(truth.hosts.map((h) => h.role))];
  const identified: string[] = [];
  const missed: RoleCheck["missed"] = [];
  for (const role of roles) {
    const hosts = truth.hosts.filter((h) => h.role === role);
    const wrong = hosts.filter((h) => byIp.get(h.ip)?.role !== role);
    if (wrong.length === 0) identified.push(role);
    else
      missed.push({
        role,
        hosts: wrong.map((h) => h.ip),
        got: wrong.map((h) => byIp.get(h.ip)?.role ?? "not seen"),
      });
  }
  const seen = truth.hosts.filter((h) => byIp.has(h.ip)).length;
  return { identified, missed, hostsSeen: seen, hostsInTruth: truth.hosts.length };
}

export async function auditFromXml(paths: string[], client: string): Promise<Audit> {
  return buildAuditFromScans(await readNmapScans(paths), { client: { name: client } });
}

export function readAudit(path: string): Audit {
  return JSON.parse(readFileSync(path, "utf8")) as Audit;
}
