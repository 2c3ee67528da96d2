import type { Device } from "../../schema/assessment.js";

const indexes = new WeakMap<readonly Device[], Map<string, Device>>();

/**
 * The device at this address. Indexed once per device list: findings and environment facts ask
 * once per service, and a linear search made a 5,000-device analysis quadratic.
 */
export function deviceByIp(devices: readonly Device[], ip: string): Device | undefined {
  let index = indexes.get(devices);
  if (!index) {
    index = new Map();
    for (const device of devices) if (!index.has(device.ip)) index.set(device.ip, device);
    indexes.set(devices, index);
  }
  return index.get(ip);
}
