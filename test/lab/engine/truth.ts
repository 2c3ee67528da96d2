import type { GroundTruth } from "../lab-types.js";
import { INTERNET, type LabContext } from "./context.js";
import { servicesOf } from "./daemon-configs.js";

export function groundTruth(ctx: LabContext): GroundTruth {
  const { spec } = ctx;
  return {
    scenario: spec.name,
    cidr: ctx.cidr,
    gateway: ctx.gateway,
    dnsServer: ctx.dnsServer,
    ...(spec.searchDomain ? { searchDomain: spec.searchDomain } : {}),
    directory: {
      kind: spec.directory.kind,
      name: spec.directory.name,
      ...(spec.directory.netbiosName ? { netbiosName: spec.directory.netbiosName } : {}),
      controllers: spec.directory.controllerKeys.map((k) => ctx.ip(ctx.host(k).octet)),
    },
    firewall: {
      grade: spec.firewall.grade,
      ...(spec.firewall.vendor ? { vendor: spec.firewall.vendor } : {}),
      ip: ctx.gateway,
    },
    backup: spec.backup,
    ups: spec.ups,
    expectedVerdict: spec.expectedVerdict,
    internetTarget: INTERNET.target,
    hosts: spec.hosts.map((h) => ({
      ip: ctx.ip(h.octet),
      mac: h.mac,
      vendor: h.vendor,
      role: h.role,
      name: h.name,
      services: servicesOf(h),
      ...(h.notes ? { notes: h.notes } : {}),
    })),
    agent: { ip: ctx.agentIp, mac: spec.agent.mac },
  };
}
