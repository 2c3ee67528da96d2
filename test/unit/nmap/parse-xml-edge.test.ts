import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NotNmapXmlError } from "../../../agent/nmap/not-nmap-xml-error.js";
import { parseNmapXml } from "../../../agent/nmap/parse-xml.js";
import { MAX_STRING_LENGTH } from "../../../agent/nmap/xml-string-cap.js";
import { fixture } from "./fixtures.js";

const PNG = "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR";

describe("parseNmapXml refuses what is not nmap XML, with a short reason", () => {
  it.each([
    ["", "the file is empty"],
    ["  \n\t ", "the file is empty"],
    [PNG, "a PNG image"],
    ["\uFFFDPNG\r\n\u001a\n\uFFFD\uFFFD", "a PNG image"],
    ['{"hosts": []}', "JSON, not XML"],
    ["<!DOCTYPE html><html><body>login</body></html>", "an HTML page, not XML"],
    ["just some notes about the network", "plain text, not XML"],
    [
      "# Nmap 7.93 scan initiated Fri Nov 27 as: nmap -oN x 10.0.0.1\n",
      "nmap's normal or grepable output (-oN/-oG), not XML (-oX)",
    ],
    ['<?xml version="1.0"?><report><host/></report>', "XML without an <nmaprun> element"],
    ['<?xml version="1.0"?>\n<!-- <nmaprun> -->\n<scan/>', "XML whose root is <scan>, not <nmaprun>"],
    ['<?xml version="1.0"?>\n<nmaprun scanner="nm', "the file ends before nmap's header is complete"],
  ])("%j → %s", (input, reason) => {
    const attempt = () => parseNmapXml(input);
    expect(attempt).toThrow(NotNmapXmlError);
    expect(attempt).toThrow(`not an nmap XML scan (${reason})`);
  });

  it("throws only NotNmapXmlError, whatever the bytes", () => {
    const samples = [
      "<nmaprun><host><<<>>>",
      "<nmaprun>\u0000\u0001",
      "<nmaprun><host><address addr=",
      "<<nmaprun>>",
    ];
    for (const sample of samples) {
      try {
        parseNmapXml(sample);
      } catch (error) {
        expect(error).toBeInstanceOf(NotNmapXmlError);
      }
    }
  });
});

describe("parseNmapXml never throws anything but NotNmapXmlError", () => {
  it("on the recorded scan cut anywhere, or with random bytes spliced in", () => {
    const whole = fixture("loopback-sv-o.xml");
    fc.assert(
      fc.property(fc.nat(whole.length), fc.string({ maxLength: 40 }), (cut, junk) => {
        for (const input of [whole.slice(0, cut), whole.slice(0, cut) + junk + whole.slice(cut)]) {
          try {
            parseNmapXml(input);
          } catch (error) {
            if (!(error instanceof NotNmapXmlError)) throw error;
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("parseNmapXml on an interrupted scan", () => {
  it("keeps every complete host, drops the partial one, marks the run truncated and warns", () => {
    const { run, hosts, warnings } = parseNmapXml(fixture("hand-made-truncated.xml"), "office.xml");
    expect(run.truncated).toBe(true);
    expect(hosts.map((h) => h.ip)).toEqual(["10.30.0.1", "10.30.0.5"]);
    expect(hosts[0]?.services[0]).toMatchObject({ product: "lighttpd", version: "1.4.59", tunnel: "ssl" });
    expect(warnings).toEqual([
      {
        source: "nmap",
        message:
          "office.xml: the scan was interrupted (the file ends without </nmaprun>): kept 2 complete hosts; the host being scanned (10.30.0.9) was incomplete and left out",
      },
    ]);
  });

  it("keeps the run header when the only host was cut (recorded scan cut mid-host)", () => {
    const { run, hosts, warnings } = parseNmapXml(fixture("loopback-sv-o-truncated.xml"));
    expect(run).toMatchObject({ version: "7.93", truncated: true, startedAt: "2026-11-27T16:51:26.000Z" });
    expect(run.runstats).toBeUndefined();
    expect(hosts).toEqual([]);
    expect(warnings[0]?.message).toContain(
      "kept 0 complete hosts; the host being scanned (127.0.0.1) was incomplete",
    );
  });

  it("keeps complete hosts wherever the file is cut", () => {
    const whole = fixture("hand-made-windows-domain.xml");
    const secondHostEnd = whole.indexOf("</host>", whole.indexOf("10.20.0.23")) + "</host>".length;
    for (const cut of [
      secondHostEnd,
      secondHostEnd + 5,
      whole.indexOf("<runstats>") + 20,
      whole.length - 12,
    ]) {
      const { hosts, run } = parseNmapXml(whole.slice(0, cut));
      expect(run.truncated).toBe(true);
      expect(hosts.map((h) => h.ip)).toEqual(["10.20.0.10", "10.20.0.23"]);
    }
  });
});

describe("parseNmapXml on a complete but malformed file", () => {
  it("keeps what it can read and warns with the line", () => {
    const xml = `<nmaprun version="7.93"><host><status state="up"/><address addr="10.0.0.1" addrtype="ipv4"/></host><junk></nmaprun>`;
    const { hosts, warnings } = parseNmapXml(xml, "m.xml");
    expect(hosts.map((h) => h.ip)).toEqual(["10.0.0.1"]);
    expect(warnings).toEqual([
      {
        source: "nmap",
        message: expect.stringMatching(
          /^m\.xml: the XML is malformed at line 1 \(.*junk.*\); kept what could be read$/,
        ),
      },
    ]);
  });
});

describe("parseNmapXml with hostile strings", () => {
  it("keeps strings as data but caps each at 16 kB, with a warning", () => {
    const banner = `<script>${"A".repeat(40_000)}`;
    const escaped = banner.replace(/</g, "&lt;");
    const xml = `<?xml version="1.0"?><nmaprun version="7.93"><host><status state="up"/><address addr="10.0.0.7" addrtype="ipv4"/><ports><port protocol="tcp" portid="23"><state state="open"/><service name="telnet"/><script id="banner" output="${escaped}"/></port></ports></host></nmaprun>`;
    const { hosts, warnings } = parseNmapXml(xml, "big.xml");
    const output = hosts[0]?.services[0]?.scripts.banner?.output ?? "";
    expect(output).toHaveLength(MAX_STRING_LENGTH);
    expect(output.startsWith("<script>AAAA")).toBe(true);
    expect(warnings).toEqual([
      {
        source: "nmap",
        host: "10.0.0.7",
        message: `big.xml: host 10.0.0.7 port 23/tcp script banner output is 40008 characters long; kept the first ${MAX_STRING_LENGTH}`,
      },
    ]);
  });

  it("leaves out a port with an impossible number, with a warning", () => {
    const xml = `<nmaprun><host><status state="up"/><address addr="10.0.0.8" addrtype="ipv4"/><ports><port protocol="tcp" portid="70000"><state state="open"/></port><port protocol="tcp" portid="22"><state state="open"/></port></ports></host></nmaprun>`;
    const { hosts, warnings } = parseNmapXml(xml);
    expect(hosts[0]?.services.map((s) => s.port)).toEqual([22]);
    expect(warnings[0]?.message).toContain('port "70000/tcp" is not a valid port');
  });
});
