import { readFileSync } from "node:fs";
import http from "node:http";
import { describe, expect, it } from "vitest";
import { multicastInterfaces } from "../../../agent/gatherers/announcements/index.js";
import { fetchDescription } from "../../../agent/gatherers/announcements/listen.js";
import { hostsFromMdns } from "../../../agent/gatherers/announcements/parse-mdns.js";
import {
  mSearch,
  parseDeviceDescription,
  parseSsdpResponse,
} from "../../../agent/gatherers/announcements/parse-ssdp.js";
import { fixture } from "./fake-context.js";

describe("mDNS answers (hand-made packets)", () => {
  it("groups names, services and model hints by the answering address", () => {
    const heard = hostsFromMdns([
      {
        from: "10.0.0.40",
        answers: [{ name: "_ipp._tcp.local", type: "PTR", data: "HP LaserJet M404dn._ipp._tcp.local" }],
        additionals: [
          {
            name: "HP LaserJet M404dn._ipp._tcp.local",
            type: "SRV",
            data: { target: "NPI1A2B3C.local", port: 631 },
          },
          {
            name: "HP LaserJet M404dn._ipp._tcp.local",
            type: "TXT",
            data: [
              Buffer.from("ty=HP LaserJet Pro M404dn"),
              Buffer.from("usb_MFG=HP"),
              Buffer.from("rp=ipp/print"),
            ],
          },
          { name: "NPI1A2B3C.local", type: "A", data: "10.0.0.40" },
        ],
      },
      {
        from: "10.0.0.41",
        answers: [{ name: "_services._dns-sd._udp.local", type: "PTR", data: "_smb._tcp.local" }],
      },
      {
        from: "10.0.0.42",
        answers: [
          {
            name: "Design Mac._device-info._tcp.local",
            type: "TXT",
            data: [Buffer.from("model=MacBookPro18,3")],
          },
        ],
      },
    ]);
    expect(heard).toEqual([
      {
        ip: "10.0.0.40",
        hostnames: ["npi1a2b3c.local"],
        announcement: {
          protocol: "mdns",
          name: "HP LaserJet M404dn",
          model: "HP LaserJet Pro M404dn",
          manufacturer: "HP",
          services: ["_ipp._tcp"],
          raw: { ty: "HP LaserJet Pro M404dn", usb_mfg: "HP", rp: "ipp/print" },
        },
      },
      {
        ip: "10.0.0.42",
        hostnames: [],
        announcement: {
          protocol: "mdns",
          name: undefined,
          model: "MacBookPro18,3",
          manufacturer: undefined,
          services: ["_device-info._tcp"],
          raw: { model: "MacBookPro18,3" },
        },
      },
    ]);
  });
});

describe("SSDP", () => {
  it("builds an M-SEARCH and reads answers", () => {
    expect(mSearch(2)).toBe(
      'M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: "ssdp:discover"\r\nMX: 2\r\nST: ssdp:all\r\n\r\n',
    );
    expect(
      parseSsdpResponse(
        "HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=1800\r\nLOCATION: http://10.0.0.1:5000/rootDesc.xml\r\nSERVER: Linux UPnP/1.0 MiniUPnPd/2.2\r\nST: upnp:rootdevice\r\n\r\n",
      ),
    ).toMatchObject({
      location: "http://10.0.0.1:5000/rootDesc.xml",
      server: "Linux UPnP/1.0 MiniUPnPd/2.2",
      st: "upnp:rootdevice",
    });
    expect(parseSsdpResponse('M-SEARCH * HTTP/1.1\r\nMAN: "ssdp:discover"\r\n')).toBeUndefined();
  });
  it("reads a device description (hand-made) and survives junk", () => {
    expect(
      parseDeviceDescription(readFileSync(fixture("ssdp-description-router.xml"), "utf8")),
    ).toMatchObject({
      name: "Office Router & Wi-Fi",
      manufacturer: "NETGEAR, Inc.",
      model: "Nighthawk R7000",
    });
    expect(parseDeviceDescription("<html>not upnp")).toEqual({ raw: {} });
  });
  it("fetches a description with a size cap and a time limit", async () => {
    const server = http.createServer((req, res) => {
      if (req.url === "/slow") return; // never answers
      res.end(
        req.url === "/big"
          ? "x".repeat(600_000)
          : "<root><device><friendlyName>NAS</friendlyName></device></root>",
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    try {
      const signal = new AbortController().signal;
      expect(await fetchDescription(`http://127.0.0.1:${port}/desc.xml`, 1000, signal)).toContain("NAS");
      expect(
        (await fetchDescription(`http://127.0.0.1:${port}/big`, 1000, signal)).length,
      ).toBeLessThanOrEqual(300_000);
      await expect(fetchDescription(`http://127.0.0.1:${port}/slow`, 200, signal)).rejects.toThrow();
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe("multicast interfaces", () => {
  it("listens only on links where the scan found live hosts", () => {
    expect(
      multicastInterfaces(
        [
          { ip4: "10.0.0.5", cidr: "10.0.0.0/24" },
          { ip4: "192.0.2.5", cidr: "192.0.2.0/24" },
          { ip4: "172.16.0.5" },
        ],
        ["10.0.0.40"],
      ),
    ).toEqual(["10.0.0.5"]);
  });
});
