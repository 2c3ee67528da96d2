import type { Device, Role } from "../../../schema/assessment.js";
import { memoisedPerObject } from "../remembered-lookups.js";

export const WORKSTATION_ROLES: Role[] = ["workstation", "laptop"];
export const SERVER_ROLES: Role[] = [
  "domain-controller",
  "server",
  "file-server",
  "hypervisor",
  "backup-server",
];
export const PRINTER_ROLES: Role[] = ["printer"];
export const NETWORK_ROLES: Role[] = ["firewall", "router", "switch", "access-point"];

/**
 * Devices counted once: of several IPs answering with one MAC (proxy-ARP), only the first counts.
 * Remembered per device list (counts, servers and OS currency each ask; never mutate either).
 */
export const countableDevices = memoisedPerObject((devices: Device[]): Device[] => {
  const seenMacs = new Set<string>();
  return devices.filter((device) => {
    if (!device.sharedMac || !device.mac) return true;
    const mac = device.mac.toLowerCase();
    if (seenMacs.has(mac)) return false;
    seenMacs.add(mac);
    return true;
  });
});
