import { describe, expect, it } from "vitest";
import { PORT_LIST, portSpec, whyPort } from "../../../agent/nmap/port-list.js";

describe("the curated port list", () => {
  it("has valid ports, each with a reason, and no entry twice", () => {
    const seen = new Set<string>();
    for (const entry of PORT_LIST) {
      expect(entry.port).toBeGreaterThan(0);
      expect(entry.toPort ?? entry.port).toBeLessThanOrEqual(65535);
      expect(entry.why.length).toBeGreaterThan(2);
      const key = `${entry.protocol}/${entry.port}`;
      expect(seen.has(key), `${key} listed twice`).toBe(false);
      seen.add(key);
    }
  });

  it.each([
    // Windows/AD, remote access, web admin, backup, UPS, printing, hypervisors, legacy
    ...[53, 88, 135, 139, 389, 445, 464, 636, 3268, 3269, 3389, 5985, 5986].map((p) => ["tcp", p] as const),
    ...[22, 1194, 1723, 4433, 10443, 80, 443, 8080, 8443, 5000, 5001].map((p) => ["tcp", p] as const),
    ...[9392, 6160, 6162, 10005, 10006, 9876, 44445, 10000, 3527, 6281, 4443, 9446, 8014].map(
      (p) => ["tcp", p] as const,
    ),
    ...[3493, 3052, 9100, 631, 515, 902, 8006, 21, 23, 5900].map((p) => ["tcp", p] as const),
    ...[161, 137, 1900, 500].map((p) => ["udp", p] as const),
  ])("covers %s/%d", (protocol, port) => {
    expect(whyPort(port, protocol)).toBeDefined();
  });

  it("renders nmap's -p syntax with ranges merged", () => {
    expect(
      portSpec([
        { port: 21, protocol: "tcp", why: "a" },
        { port: 23, protocol: "tcp", why: "b" },
        { port: 22, protocol: "tcp", why: "c" },
        { port: 80, protocol: "tcp", why: "d" },
        { port: 161, protocol: "udp", why: "e" },
      ]),
    ).toBe("T:21-23,80,U:161");
    expect(portSpec([{ port: 161, protocol: "udp", why: "e" }], ["tcp"])).toBe("");
  });

  it("keeps the scan small enough to be quick (tens of ports, not thousands)", () => {
    const spec = portSpec(PORT_LIST);
    const count = spec.split(/[,:]/).filter((p) => /^\d/.test(p)).length;
    expect(count).toBeLessThan(200);
  });
});
