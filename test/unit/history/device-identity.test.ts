import { describe, expect, it } from "vitest";
import {
  type DeviceIdentity,
  matchDevices,
  normalizeMac,
  normalizeName,
} from "../../../report/history/device-identity.js";

const id = (ip: string, mac?: string, ...names: string[]): DeviceIdentity => ({ ip, mac, names });
const describePairs = (previous: DeviceIdentity[], current: DeviceIdentity[]) => {
  const result = matchDevices(previous, current, (d) => d);
  return {
    pairs: result.pairs.map((p) => `${p.previous.ip}→${p.current.ip} by ${p.matchedBy}`),
    added: result.added.map((d) => d.ip),
    removed: result.removed.map((d) => d.ip),
  };
};

describe("matchDevices", () => {
  it.each([
    {
      case: "same MAC, DHCP moved the address",
      previous: [id("10.0.0.20", "00:1A:2B:3C:4D:5E", "PC-ANNA")],
      current: [id("10.0.0.37", "00-1a-2b-3c-4d-5e", "pc-anna")],
      pairs: ["10.0.0.20→10.0.0.37 by mac"],
      added: [],
      removed: [],
    },
    {
      case: "address swap between two PCs, told apart by MAC",
      previous: [id("10.0.0.20", "00:1a:00:00:00:01"), id("10.0.0.21", "00:1a:00:00:00:02")],
      current: [id("10.0.0.20", "00:1a:00:00:00:02"), id("10.0.0.21", "00:1a:00:00:00:01")],
      pairs: ["10.0.0.21→10.0.0.20 by mac", "10.0.0.20→10.0.0.21 by mac"],
      added: [],
      removed: [],
    },
    {
      case: "no MAC (routed subnet): NetBIOS name matches PTR name, case-insensitive",
      previous: [id("10.1.0.5", undefined, "FS01")],
      current: [id("10.1.0.9", undefined, "fs01.office.lan")],
      pairs: ["10.1.0.5→10.1.0.9 by name"],
      added: [],
      removed: [],
    },
    {
      case: "all-zero MAC is ignored, the name decides",
      previous: [id("10.0.0.5", "00:00:00:00:00:00", "printer1"), id("10.0.0.6", "00:00:00:00:00:00", "nas")],
      current: [id("10.0.0.6", "00:00:00:00:00:00", "PRINTER1"), id("10.0.0.5", "00:00:00:00:00:00", "NAS")],
      pairs: ["10.0.0.5→10.0.0.6 by name", "10.0.0.6→10.0.0.5 by name"],
      added: [],
      removed: [],
    },
    {
      case: "a MAC shared by several IPs (proxy-ARP) is not an identity: IP decides",
      previous: [id("10.2.0.10", "00:1b:00:00:00:aa"), id("10.2.0.11", "00:1b:00:00:00:aa")],
      current: [id("10.2.0.11", "00:1b:00:00:00:aa"), id("10.2.0.10", "00:1b:00:00:00:aa")],
      pairs: ["10.2.0.11→10.2.0.11 by ip", "10.2.0.10→10.2.0.10 by ip"],
      added: [],
      removed: [],
    },
    {
      case: "nothing but the IP: same device",
      previous: [id("10.0.0.50")],
      current: [id("10.0.0.50")],
      pairs: ["10.0.0.50→10.0.0.50 by ip"],
      added: [],
      removed: [],
    },
    {
      case: "DHCP gave an old PC's address to a new PC (different MACs): one removed, one added",
      previous: [id("10.0.0.30", "00:1a:00:00:00:30", "old-pc")],
      current: [id("10.0.0.30", "00:1a:00:00:00:31", "new-pc")],
      pairs: [],
      added: ["10.0.0.30"],
      removed: ["10.0.0.30"],
    },
    {
      case: "same IP, different names, no MACs: two different devices",
      previous: [id("10.0.0.40", undefined, "reception")],
      current: [id("10.0.0.40", undefined, "lab-pc")],
      pairs: [],
      added: ["10.0.0.40"],
      removed: ["10.0.0.40"],
    },
    {
      case: "new NIC (MAC changed) but same name: the same PC",
      previous: [id("10.0.0.60", "00:1a:00:00:00:60", "PC-BOB")],
      current: [id("10.0.0.61", "00:1a:00:00:00:61", "PC-BOB")],
      pairs: ["10.0.0.60→10.0.0.61 by name"],
      added: [],
      removed: [],
    },
    {
      case: "a workstation added, a UPS gone",
      previous: [id("10.0.0.1", "00:09:0f:00:00:01", "fw"), id("10.0.0.90", "00:c0:b7:00:00:90", "ups")],
      current: [id("10.0.0.1", "00:09:0f:00:00:01", "fw"), id("10.0.0.77", "00:1a:00:00:00:77", "pc-new")],
      pairs: ["10.0.0.1→10.0.0.1 by mac"],
      added: ["10.0.0.77"],
      removed: ["10.0.0.90"],
    },
  ])("$case", ({ previous, current, pairs, added, removed }) => {
    expect(describePairs(previous, current)).toEqual({ pairs, added, removed });
  });
});

describe("normalizeMac / normalizeName", () => {
  it.each([
    ["00:1A:2B:3C:4D:5E", "00:1a:2b:3c:4d:5e"],
    ["001a.2b3c.4d5e", "00:1a:2b:3c:4d:5e"],
    ["00:00:00:00:00:00", undefined],
    ["ff:ff:ff:ff:ff:ff", undefined],
    ["01:00:5e:00:00:fb", undefined],
    ["garbage", undefined],
  ])("MAC %s → %s", (mac, expected) => {
    expect(normalizeMac(mac)).toBe(expected);
  });

  it.each([
    ["FS01", "fs01"],
    ["fs01.office.lan.", "fs01"],
    ["FS01<20>", "fs01"],
    ["10.0.0.5", undefined],
    ["localhost", undefined],
    ["", undefined],
  ])("name %s → %s", (name, expected) => {
    expect(normalizeName(name)).toBe(expected);
  });
});
