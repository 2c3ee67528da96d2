import { readFileSync } from "node:fs";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { queryNut } from "../../../agent/gatherers/nut/client.js";
import { gatherNut } from "../../../agent/gatherers/nut/index.js";
import {
  NutError,
  parseListUps,
  parseListVar,
  splitNutLine,
  upsStatusFromNut,
} from "../../../agent/gatherers/nut/parse.js";
import { fakeContext, fixture } from "./fake-context.js";

const LIST_VAR = readFileSync(fixture("nut-list-var.txt"), "utf8");

describe("NUT protocol parsing", () => {
  it("splits quoted words with escapes", () => {
    expect(splitNutLine('VAR ups ups.test.result "Done and passed \\"quick\\""')).toEqual([
      "VAR",
      "ups",
      "ups.test.result",
      'Done and passed "quick"',
    ]);
  });
  it("reads LIST UPS and LIST VAR (hand-made answer)", () => {
    expect(parseListUps(["BEGIN LIST UPS", 'UPS office-ups "Server room UPS"', "END LIST UPS"])).toEqual([
      { name: "office-ups", description: "Server room UPS" },
    ]);
    const vars = parseListVar(LIST_VAR.split("\n"), "office-ups");
    expect(vars["battery.charge"]).toBe("87");
    expect(vars["ups.test.result"]).toBe('Done and passed "quick"');
    expect(() => parseListVar(["ERR ACCESS-DENIED"], "x")).toThrow(NutError);
  });
  it("maps variables to a UPS status", () => {
    const vars = parseListVar(LIST_VAR.split("\n"), "office-ups");
    expect(upsStatusFromNut("office-ups", vars)).toMatchObject({
      source: "nut",
      manufacturer: "APC",
      model: "Smart-UPS 1500",
      batteryStatus: "OB LB",
      chargePercent: 87,
      runtimeMinutes: 21,
      loadPercent: 23,
      onBattery: true,
    });
    expect(upsStatusFromNut("u", { "ups.status": "OL CHRG" }).onBattery).toBe(false);
  });
});

/** A NUT server on 127.0.0.1 speaking just LIST UPS / LIST VAR / LOGOUT. */
async function startFakeNut(mode: "ok" | "denied" | "silent") {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => undefined);
    let buffer = "";
    socket.on("data", (chunk) => {
      if (mode === "silent") return;
      buffer += chunk.toString();
      let nl = buffer.indexOf("\n");
      while (nl >= 0) {
        const line = buffer.slice(0, nl).trim();
        buffer = buffer.slice(nl + 1);
        if (mode === "denied") socket.write("ERR ACCESS-DENIED\n");
        else if (line === "LIST UPS")
          socket.write('BEGIN LIST UPS\nUPS office-ups "Server room UPS"\nEND LIST UPS\n');
        else if (line === "LIST VAR office-ups") socket.write(LIST_VAR);
        else if (line === "LOGOUT") socket.end("OK Goodbye\n");
        else socket.write("ERR UNKNOWN-COMMAND\n");
        nl = buffer.indexOf("\n");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

describe("nut collector against a local server", () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  it("lists the UPS units and their variables into host.ups", async () => {
    const server = await startFakeNut("ok");
    close = server.close;
    const { ctx, draft, hosts } = fakeContext({
      hosts: [
        {
          ip: "127.0.0.1",
          status: { state: "up" },
          services: [{ port: server.port, protocol: "tcp", state: "open" }],
        },
      ],
    });
    await gatherNut(ctx, { port: server.port, timeoutMs: 2000 });
    expect(hosts()[0]?.ups).toEqual([
      expect.objectContaining({
        source: "nut",
        model: "Smart-UPS 1500",
        chargePercent: 87,
        batteryStatus: "OB LB",
        onBattery: true,
      }),
    ]);
    expect(draft.warnings).toEqual([]);
    expect(draft.probes[0]).toMatchObject({ id: "nut", status: "ok", targets: ["127.0.0.1"] });
  });

  it("turns a refusal and a silent server into warnings within the time limit", async () => {
    const denied = await startFakeNut("denied");
    await expect(queryNut("127.0.0.1", denied.port, 1000)).rejects.toThrow("ERR ACCESS-DENIED");
    await denied.close();
    const silent = await startFakeNut("silent");
    close = silent.close;
    const { ctx, draft } = fakeContext({
      hosts: [
        {
          ip: "127.0.0.1",
          status: { state: "up" },
          services: [{ port: silent.port, protocol: "tcp", state: "open" }],
        },
      ],
    });
    const started = Date.now();
    await gatherNut(ctx, { port: silent.port, timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(draft.warnings).toEqual([
      { source: "nut", host: "127.0.0.1", message: expect.stringContaining("no answer within 300 ms") },
    ]);
    expect(draft.probes[0]?.status).toBe("error");
  });
});
