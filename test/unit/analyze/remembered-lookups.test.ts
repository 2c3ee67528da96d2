import { describe, expect, it } from "vitest";
import { RememberedLookup, memoisedPerObject } from "../../../report/analyze/remembered-lookups.js";
import { deviceByIp } from "../../../report/analyze/device-index.js";
import type { Device } from "../../../schema/assessment.js";

describe("remembered look-ups used by the analysis", () => {
  it("asks once per text, remembers a 'no match' too, and never keeps very long texts", () => {
    const asked: string[] = [];
    const lookup = new RememberedLookup((text) => {
      asked.push(text);
      return text.startsWith("Fortinet") ? "firewall" : undefined;
    });
    expect(lookup.get("Fortinet FortiGate")).toBe("firewall");
    expect(lookup.get("Fortinet FortiGate")).toBe("firewall");
    expect(lookup.get("Dell")).toBeUndefined();
    expect(lookup.get("Dell")).toBeUndefined();
    const banner = "x".repeat(10_000);
    lookup.get(banner);
    lookup.get(banner);
    expect(asked).toEqual(["Fortinet FortiGate", "Dell", banner, banner]);
  });

  it("derives a fact once per object", () => {
    let calls = 0;
    const countServices = memoisedPerObject((host: { services: string[] }) => {
      calls++;
      return host.services.length;
    });
    const host = { services: ["445/tcp"] };
    expect(countServices(host)).toBe(1);
    expect(countServices(host)).toBe(1);
    expect(countServices({ services: [] })).toBe(0);
    expect(calls).toBe(2);
  });

  it("finds a device by address in any list, the first one when an address repeats", () => {
    const device = (ip: string, name: string) =>
      ({ ip, name, role: "workstation", roles: [], confidence: 1, evidence: [], services: [] }) as Device;
    const devices = [device("10.0.0.1", "first"), device("10.0.0.2", "b"), device("10.0.0.1", "second")];
    expect(deviceByIp(devices, "10.0.0.1")?.name).toBe("first");
    expect(deviceByIp(devices, "10.0.0.9")).toBeUndefined();
    expect(deviceByIp([device("10.0.0.1", "other list")], "10.0.0.1")?.name).toBe("other list");
  });
});
