import type { Device, Environment } from "../../../schema/assessment.js";
import {
  NETWORK_ROLES,
  PRINTER_ROLES,
  SERVER_ROLES,
  WORKSTATION_ROLES,
  countableDevices,
} from "./role-groups.js";

/** Devices by role; proxy-ARP duplicates (shared MAC) counted once. */
export function buildCounts(devices: Device[]): Environment["counts"] {
  const counted = countableDevices(devices);
  const byRole: Record<string, number> = {};
  for (const device of counted) byRole[device.role] = (byRole[device.role] ?? 0) + 1;
  const sum = (roles: string[]) => roles.reduce((total, role) => total + (byRole[role] ?? 0), 0);
  return {
    workstations: sum(WORKSTATION_ROLES),
    servers: sum(SERVER_ROLES),
    printers: sum(PRINTER_ROLES),
    networkDevices: sum(NETWORK_ROLES),
    total: counted.length,
    byRole,
  };
}
