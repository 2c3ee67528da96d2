import dgram from "node:dgram";
import dnsPacket from "dns-packet";
import { afterEach, describe, expect, it } from "vitest";
import { createDnsLookup } from "../../../agent/gatherers/directory/srv.js";

/** A DNS server on 127.0.0.1 with a few canned records; everything else is NXDOMAIN. */
async function startFakeDns(silent = false) {
  const socket = dgram.createSocket("udp4");
  socket.on("message", (message, rinfo) => {
    if (silent) return;
    const query = dnsPacket.decode(message);
    const question = query.questions?.[0];
    const answers: dnsPacket.Answer[] = [];
    if (question?.type === "SRV" && question.name === "_ldap._tcp.dc._msdcs.corp.example.test") {
      answers.push({
        type: "SRV",
        name: question.name,
        ttl: 60,
        data: { target: "DC01.corp.example.test", port: 389, priority: 0, weight: 100 },
      });
    }
    if (question?.type === "A" && question.name === "dc01.corp.example.test") {
      answers.push({ type: "A", name: question.name, ttl: 60, data: "10.0.0.10" });
    }
    const response = dnsPacket.encode({
      type: "response",
      id: query.id,
      flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE | (answers.length === 0 ? 3 : 0),
      questions: query.questions,
      answers,
    });
    socket.send(response, rinfo.port, rinfo.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, "127.0.0.1", resolve));
  return {
    port: socket.address().port,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

describe("DNS SRV lookup against a local server", () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  it("finds SRV targets and their addresses; a missing name is empty, not an error", async () => {
    const server = await startFakeDns();
    close = server.close;
    const lookup = createDnsLookup([`127.0.0.1:${server.port}`], 1000);
    expect(await lookup.srv("_ldap._tcp.dc._msdcs.corp.example.test")).toEqual([
      { hostname: "dc01.corp.example.test", port: 389 },
    ]);
    expect(await lookup.a("dc01.corp.example.test")).toEqual(["10.0.0.10"]);
    expect(await lookup.srv("_ldap._tcp.dc._msdcs.shop.lan")).toEqual([]);
  });

  it("rejects within its time limit when the server stays silent", async () => {
    const server = await startFakeDns(true);
    close = server.close;
    const lookup = createDnsLookup([`127.0.0.1:${server.port}`], 300);
    const started = Date.now();
    await expect(lookup.srv("_ldap._tcp.dc._msdcs.corp.example.test")).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1500);
  });
});
