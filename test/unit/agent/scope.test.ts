import { describe, expect, it } from "vitest";
import { UsageError } from "../../../lib/errors.js";
import { confirmScope } from "../../../agent/scope/confirm-scope.js";
import { detectLocalSubnets } from "../../../agent/scope/detect-local-subnets.js";
import { cidrToRange, rangeToCidrs } from "../../../agent/scope/ipv4-ranges.js";
import { parseTarget } from "../../../agent/scope/parse-target.js";
import { buildScope, describeScope } from "../../../agent/scope/resolve-scope.js";

const request = (targets: string[], extra: Partial<Parameters<typeof buildScope>[0]> = {}) => ({
  targets,
  exclude: [],
  allowPublic: false,
  force: false,
  ...extra,
});

describe("parseTarget", () => {
  it.each([
    ["192.168.1.20", "192.168.1.20/32"],
    ["192.168.1.0/24", "192.168.1.0/24"],
    ["192.168.1.77/24", "192.168.1.0/24"],
    ["192.168.1.0-255", "192.168.1.0/24"],
    ["10.0.0.0-10.0.1.255", "10.0.0.0/23"],
  ])("%s covers %s", (text, cidr) => {
    expect(parseTarget(text).range).toEqual(cidrToRange(cidr));
  });

  it.each([
    ["fileserver.local", /host names are not accepted/],
    ["192.168.1.300", /not an IPv4 address/],
    ["192.168.1.0/33", /not an IPv4 address/],
    ["192.168.1.50-10", /ends before it starts/],
    ["fe80::1", /IPv6/],
    ["", /not an IPv4 address/],
  ])("refuses %j", (text, message) => {
    expect(() => parseTarget(text)).toThrow(UsageError);
    expect(() => parseTarget(text)).toThrow(message);
  });
});

describe("rangeToCidrs", () => {
  it("covers a range exactly with the fewest blocks", () => {
    expect(rangeToCidrs(parseTarget("192.168.1.10-20").range)).toEqual([
      "192.168.1.10/31",
      "192.168.1.12/30",
      "192.168.1.16/30",
      "192.168.1.20/32",
    ]);
  });
});

describe("buildScope", () => {
  it("refuses public targets unless --allow-public, naming the target and the flag", () => {
    expect(() => buildScope(request(["8.8.8.0/24"]))).toThrow(/8\.8\.8\.0\/24 includes public addresses/);
    try {
      buildScope(request(["192.168.1.0/24", "1.1.1.1"]));
    } catch (error) {
      expect((error as UsageError).line).toContain("--allow-public");
    }
    expect(buildScope(request(["8.8.8.8"], { allowPublic: true })).addressCount).toBe(1);
  });

  it("refuses a range that straddles private and public space", () => {
    expect(() => buildScope(request(["192.167.255.250-192.168.0.5"]))).toThrow(/public/);
  });

  it("allows a /20 but refuses anything larger without --force", () => {
    expect(buildScope(request(["10.1.0.0/20"])).addressCount).toBe(4096);
    expect(() => buildScope(request(["10.1.0.0/19"]))).toThrow(/8192 addresses.*\/20/);
    expect(() => buildScope(request(["10.1.0.0/19"]))).toThrow(UsageError);
    expect(buildScope(request(["10.1.0.0/19"], { force: true })).addressCount).toBe(8192);
  });

  it("counts the size after exclusions", () => {
    expect(buildScope(request(["10.1.0.0/19"], { exclude: ["10.1.16.0/20"] })).addressCount).toBe(4096);
  });

  it("keeps excluded addresses out of isAllowed and hands them to nmap", () => {
    const scope = buildScope(
      request(["192.168.10.0/24"], { exclude: ["192.168.10.5", "192.168.10.128/25"] }),
    );
    expect(scope.isAllowed("192.168.10.4")).toBe(true);
    expect(scope.isAllowed("192.168.10.5")).toBe(false);
    expect(scope.isAllowed("192.168.10.200")).toBe(false);
    expect(scope.isAllowed("192.168.11.1")).toBe(false);
    expect(scope.isAllowed("not-an-ip")).toBe(false);
    expect(scope.nmapExcludes).toEqual(["192.168.10.5/32", "192.168.10.128/25"]);
    expect(scope.excluded).toEqual(["192.168.10.5", "192.168.10.128/25"]);
    expect(scope.addressCount).toBe(127);
  });

  it("refuses a scope that is entirely excluded", () => {
    expect(() => buildScope(request(["192.168.1.8/30"], { exclude: ["192.168.1.0/24"] }))).toThrow(
      /every target address is excluded/,
    );
  });

  it("turns ranges into CIDR blocks nmap reads, and keeps the user's text for the Audit", () => {
    const scope = buildScope(request(["10.0.0.0-10.0.1.255"]));
    expect(scope.targets).toEqual(["10.0.0.0-10.0.1.255"]);
    expect(scope.nmapTargets).toEqual(["10.0.0.0/23"]);
    expect(scope.autoDetected).toBe(false);
  });

  it("uses the detected subnets when no target is given", () => {
    const scope = buildScope(request([]), [
      { iface: "eth0", address: "192.168.5.23", cidr: "192.168.5.0/24" },
    ]);
    expect(scope.autoDetected).toBe(true);
    expect(scope.targets).toEqual(["192.168.5.0/24"]);
    expect(describeScope(scope)).toBe("192.168.5.0/24 (256 addresses on eth0 192.168.5.23)");
  });

  it("refuses auto-detection when the host has no private subnet", () => {
    expect(() => buildScope(request([]), [])).toThrow(/no private IPv4 subnet/);
  });
});

describe("detectLocalSubnets", () => {
  it("keeps private IPv4 subnets of links that are up, and leaves loopback, public and link-local out", () => {
    const subnets = detectLocalSubnets([
      { iface: "lo", ip4: "127.0.0.1", ip4subnet: "255.0.0.0", internal: true },
      { iface: "eth0", ip4: "192.168.1.23", ip4subnet: "255.255.255.0", operstate: "up" },
      { iface: "eth1", ip4: "10.20.30.40", ip4subnet: "255.255.240.0", operstate: "unknown" },
      { iface: "wan0", ip4: "81.2.3.4", ip4subnet: "255.255.255.0", operstate: "up" },
      { iface: "eth2", ip4: "169.254.3.4", ip4subnet: "255.255.0.0", operstate: "up" },
      { iface: "eth3", ip4: "172.16.0.9", ip4subnet: "255.255.0.0", operstate: "down" },
      { iface: "wg0", ip4: "", ip4subnet: "", operstate: "up" },
      { iface: "eth0:1", ip4: "192.168.1.99", ip4subnet: "255.255.255.0", operstate: "up" },
    ]);
    expect(subnets).toEqual([
      { iface: "eth0", address: "192.168.1.23", cidr: "192.168.1.0/24" },
      { iface: "eth1", address: "10.20.30.40", cidr: "10.20.16.0/20" },
    ]);
  });
});

describe("confirmScope", () => {
  const auto = buildScope(request([]), [{ iface: "eth0", address: "192.168.5.23", cidr: "192.168.5.0/24" }]);
  const explicit = buildScope(request(["192.168.5.0/24"]));
  const noAsk = () => Promise.reject(new Error("must not ask"));

  it("does not ask when targets were named", async () => {
    await expect(
      confirmScope(explicit, { yes: false, interactive: false, ask: noAsk, print: () => {} }),
    ).resolves.toBeUndefined();
  });

  it("prints the auto-detected scope and goes on with --yes", async () => {
    const lines: string[] = [];
    await confirmScope(auto, { yes: true, interactive: false, ask: noAsk, print: (l) => lines.push(l) });
    expect(lines).toEqual(["Scope (auto-detected): 192.168.5.0/24 (256 addresses on eth0 192.168.5.23)"]);
  });

  it("refuses without a terminal and without --yes", async () => {
    await expect(
      confirmScope(auto, { yes: false, interactive: false, ask: noAsk, print: () => {} }),
    ).rejects.toThrow("refusing to scan the auto-detected scope 192.168.5.0/24 without confirmation");
  });

  it.each([
    ["y", true],
    ["YES", true],
    ["", false],
    ["n", false],
  ])("on a terminal, answer %j → go on: %s", async (answer, goOn) => {
    const result = confirmScope(auto, {
      yes: false,
      interactive: true,
      ask: async () => answer,
      print: () => {},
    });
    if (goOn) await expect(result).resolves.toBeUndefined();
    else await expect(result).rejects.toThrow(/not confirmed/);
  });
});
