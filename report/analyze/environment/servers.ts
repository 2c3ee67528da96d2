import type { Device, Environment } from "../../../schema/assessment.js";
import { RememberedLookup } from "../remembered-lookups.js";
import { SERVER_ROLES, countableDevices } from "./role-groups.js";

/** Open port → what a server provides, in the client's words. */
const SERVES_BY_PORT: [RegExp, string][] = [
  [/^53\//, "DNS"],
  [/^67\/udp/, "DHCP"],
  [/^(139|445)\/tcp/, "file shares"],
  [/^(80|443|8080|8443)\/tcp/, "web"],
  [/^(1433|1521|3306|5432|27017)\/tcp/, "database"],
  [/^(25|587|993|995|143|110)\/tcp/, "mail"],
  [/^(9100|631|515)\/tcp/, "printing"],
  [/^3389\/tcp/, "remote desktop"],
  [/^(9392|9401|6160|6162|9877|10000)\/tcp/, "backup"],
  [/^(8530|8531)\/tcp/, "Windows updates (WSUS)"],
  [/^(2049)\/tcp/, "NFS storage"],
];

const SERVES_BY_ROLE: Partial<Record<Device["role"], string>> = {
  "domain-controller": "Active Directory",
  hypervisor: "virtual machines",
  "backup-server": "backup",
  "file-server": "file shares",
};

/** What one "445/tcp microsoft-ds" service provides: servers share the same few services. */
const servesByService = new RememberedLookup((service): readonly string[] =>
  SERVES_BY_PORT.filter(([pattern]) => pattern.test(service)).map(([, label]) => label),
);

/** Each server and what it serves (from its roles and open ports). */
export function buildServers(devices: Device[]): Environment["servers"] {
  return countableDevices(devices)
    .filter((device) => SERVER_ROLES.includes(device.role))
    .map((device) => {
      const serves = new Set<string>();
      for (const role of device.roles) {
        const service = SERVES_BY_ROLE[role];
        if (service) serves.add(service);
      }
      for (let s = 0; s < device.services.length; s++) {
        const labels = servesByService.get(device.services[s]!);
        for (let l = 0; l < labels.length; l++) serves.add(labels[l]!);
      }
      const entry: Environment["servers"][number] = { ip: device.ip, role: device.role, serves: [...serves] };
      if (device.name) entry.name = device.name;
      if (device.os) entry.os = device.os;
      return entry;
    });
}
