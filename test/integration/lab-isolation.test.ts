import ipaddr from "ipaddr.js";
import { describe, expect, inject, it } from "vitest";
import { attachLab } from "../lab/attach.js";
import { run } from "../lab/engine/run.js";
import type { ScenarioName } from "../lab/lab-types.js";

/**
 * No packet leaves the lab: every lab namespace holds only loopback, veths and the switch's bridge,
 * the only default routes point at the lab gateway, nothing routes beyond the lab and TEST-NET-3,
 * and nothing of the lab sits in the machine's own namespace. Only lab addresses and TEST-NET-1
 * (192.0.2.1, reserved, never routed) are used as destinations.
 */
const OUTSIDE = "192.0.2.1";
const scenarios = Object.keys(inject("labs")) as ScenarioName[];

async function runNamespaces(runId: string): Promise<string[]> {
  const r = await run(["ip", "netns", "list"]);
  return r.stdout
    .split("\n")
    .map((l) => l.split(" ")[0] ?? "")
    .filter((n) => n.startsWith(`ss${runId}-`));
}

function inSubnet(ip: string, cidr: string): boolean {
  return ipaddr.parse(ip).match(ipaddr.parseCIDR(cidr));
}

describe.each(scenarios)("lab %s is sealed off", (scenario) => {
  it("has only loopback, veth and bridge interfaces in its namespaces", async () => {
    const lab = await attachLab(inject("labs")[scenario]);
    const namespaces = await runNamespaces(lab.runId);
    expect(namespaces.length).toBe(lab.truth.hosts.length + 3);
    for (const ns of namespaces) {
      const r = await run(["ip", "-n", ns, "-d", "-j", "link", "show"]);
      const links = JSON.parse(r.stdout) as {
        ifname: string;
        link_type: string;
        linkinfo?: { info_kind?: string };
      }[];
      for (const l of links) {
        const kind = l.link_type === "loopback" ? "loopback" : l.linkinfo?.info_kind;
        expect(["loopback", "veth", "bridge"], `${ns}: ${l.ifname}`).toContain(kind);
      }
    }
  });

  it("routes only to lab addresses: default routes via the lab gateway, nothing to the outside", async () => {
    const lab = await attachLab(inject("labs")[scenario]);
    for (const ns of await runNamespaces(lab.runId)) {
      const v4 = JSON.parse(
        (await run(["ip", "-n", ns, "-j", "-4", "route", "show", "table", "all"])).stdout,
      ) as {
        dst: string;
        gateway?: string;
        type?: string;
      }[];
      for (const r of v4.filter((x) => x.gateway)) {
        expect(
          inSubnet(r.gateway!, lab.truth.cidr) || inSubnet(r.gateway!, "203.0.113.0/24"),
          `${ns}: ${r.dst} via ${r.gateway}`,
        ).toBe(true);
        if (r.dst === "default") expect(r.gateway, ns).toBe(lab.truth.gateway);
      }
      const v6 = (await run(["ip", "-n", ns, "-6", "route", "show", "default"])).stdout.trim();
      expect(v6, `${ns} has an IPv6 default route`).toBe("");
      if (!v4.some((x) => x.dst === "default")) {
        const out = await run(["ip", "-n", ns, "route", "get", OUTSIDE]);
        expect(out.code, `${ns} has a route to ${OUTSIDE}: ${out.stdout}`).not.toBe(0);
        expect(out.stderr).toMatch(/Network is unreachable/);
      }
    }
  });

  it("the gateway itself has no route out, so a connection from the agent to the outside fails at once", async () => {
    const lab = await attachLab(inject("labs")[scenario]);
    const t0 = Date.now();
    const r = await lab.execInAgent(
      [
        process.execPath,
        "-e",
        `require("net").connect(80, "${OUTSIDE}").on("connect", () => { console.log("CONNECTED"); process.exit(0); })` +
          `.on("error", (e) => { console.log(e.code); process.exit(0); }); setTimeout(() => { console.log("TIMEOUT"); process.exit(0); }, 5000);`,
      ],
      { timeoutMs: 15_000 },
    );
    expect(r.stdout.trim()).toMatch(/^(ENETUNREACH|EHOSTUNREACH)$/);
    expect(Date.now() - t0).toBeLessThan(4000);
    const ping = await lab.execInAgent(["ping", "-n", "-c", "1", "-W", "2", OUTSIDE], { timeoutMs: 10_000 });
    expect(ping.code).not.toBe(0);
    expect(ping.stdout).toMatch(/Unreachable/);
  });

  it("reaches its own 'internet' namespace through the gateway", async () => {
    const lab = await attachLab(inject("labs")[scenario]);
    const ping = await lab.execInAgent(["ping", "-n", "-c", "1", "-W", "2", lab.truth.internetTarget], {
      timeoutMs: 10_000,
    });
    expect(ping.code, ping.stdout + ping.stderr).toBe(0);
  });

  it("leaves nothing in the machine's own namespace: no lab interface or address there", async () => {
    const lab = await attachLab(inject("labs")[scenario]);
    const addrs = JSON.parse((await run(["ip", "-j", "-4", "addr", "show"])).stdout) as {
      ifname: string;
      addr_info: { local: string }[];
    }[];
    for (const a of addrs) {
      for (const info of a.addr_info)
        expect(inSubnet(info.local, lab.truth.cidr), `${a.ifname} ${info.local}`).toBe(false);
    }
  });
});
