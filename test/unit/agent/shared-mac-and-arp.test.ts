import { describe, expect, it } from "vitest";
import { findSharedMacs } from "../../../agent/nmap/flag-shared-macs.js";
import { parseMacPrefixes, parseProcNetArp, vendorOf } from "../../../agent/nmap/kernel-arp-cache.js";

describe("findSharedMacs (proxy-ARP)", () => {
  it("links the IPs answering with one MAC, whatever its case, and leaves the others alone", () => {
    const shared = findSharedMacs([
      { ip: "10.0.0.1", mac: "00:11:22:33:44:55" },
      { ip: "10.0.0.7", mac: "00:11:22:33:44:55" },
      { ip: "10.0.0.9", mac: "00:11:22:33:44:55".toLowerCase() },
      { ip: "10.0.0.2", mac: "AA:BB:CC:00:00:01" },
      { ip: "10.0.0.3" },
    ]);
    expect(Object.fromEntries(shared)).toEqual({
      "10.0.0.1": ["10.0.0.7", "10.0.0.9"],
      "10.0.0.7": ["10.0.0.1", "10.0.0.9"],
      "10.0.0.9": ["10.0.0.1", "10.0.0.7"],
    });
  });
});

describe("kernel ARP cache (unprivileged MACs)", () => {
  it("reads complete entries only", () => {
    const text = [
      "IP address       HW type     Flags       HW address            Mask     Device",
      "10.0.0.1         0x1         0x2         00:50:56:aa:bb:cc     *        eth0",
      "10.0.0.2         0x1         0x0         00:00:00:00:00:00     *        eth0",
      "10.0.0.3         0x1         0x6         00:1b:21:01:02:03     *        eth0",
    ].join("\n");
    expect(Object.fromEntries(parseProcNetArp(text))).toEqual({
      "10.0.0.1": "00:50:56:AA:BB:CC",
      "10.0.0.3": "00:1B:21:01:02:03",
    });
  });

  it("names the vendor from nmap's prefix list", () => {
    const prefixes = parseMacPrefixes("# comment\n005056 VMware\n001B21 Intel Corporate\n");
    expect(vendorOf("00:50:56:aa:bb:cc", prefixes)).toBe("VMware");
    expect(vendorOf("00:1B:21:01:02:03", prefixes)).toBe("Intel Corporate");
    expect(vendorOf("02:00:00:00:00:01", prefixes)).toBeUndefined();
  });
});
