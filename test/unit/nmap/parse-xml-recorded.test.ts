import { describe, expect, it } from "vitest";
import { parseNmapXml } from "../../../agent/nmap/parse-xml.js";
import { HostSchema } from "../../../schema/audit.js";
import { fixture } from "./fixtures.js";

/** loopback-sv-o.xml: recorded with nmap 7.93 -sV -O --script … against our own listeners on 127.0.0.1. */
describe("parseNmapXml on a recorded -sV -O --script scan", () => {
  const { run, hosts, warnings } = parseNmapXml(fixture("loopback-sv-o.xml"), "loopback-sv-o.xml");
  const host = hosts[0]!;
  const port = (n: number) => host.services.find((s) => s.port === n)!;

  it("reads the run: version, command line, scanner, start, scaninfo, runstats", () => {
    expect(run.version).toBe("7.93");
    expect(run.args).toMatch(/^nmap -n -sV -O --script http-title,http-server-header,ssl-cert,banner -p /);
    expect(run.scanner).toBe("nmap");
    expect(run.origin).toBe("loopback-sv-o.xml");
    expect(run.startedAt).toBe("2026-11-27T16:51:26.000Z");
    expect(run.finishedAt).toBe("2026-11-27T16:52:15.000Z");
    expect(run.scanInfo).toEqual([
      { type: "syn", protocol: "tcp", numServices: 5, services: "8080,8443,18021-18022,18081" },
    ]);
    expect(run.runstats).toEqual({
      exit: "success",
      elapsedSeconds: 49.03,
      summary: "Nmap done at Fri Nov 27 16:52:15 2026; 1 IP address (1 host up) scanned in 49.03 seconds",
      hostsUp: 1,
      hostsDown: 0,
      hostsTotal: 1,
    });
    expect(run.truncated).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it("returns fully-defaulted hosts valid under HostSchema, sourced from nmap", () => {
    expect(hosts).toHaveLength(1);
    expect(HostSchema.parse(host)).toEqual(host);
    expect(host.ip).toBe("127.0.0.1");
    expect(host.sources).toEqual(["nmap"]);
    expect(host.status).toEqual({ state: "up", reason: "localhost-response", reasonTtl: 0 });
    expect(host.startedAt).toBe("2026-11-27T16:51:26.000Z");
    expect(host.finishedAt).toBe("2026-11-27T16:52:15.000Z");
  });

  it("keeps every port with state and reason, including closed ones", () => {
    expect(host.services.map((s) => [s.port, s.state, s.reason, s.reasonTtl])).toEqual([
      [8080, "open", "syn-ack", 64],
      [8443, "open", "syn-ack", 64],
      [18021, "open", "syn-ack", 64],
      [18022, "open", "syn-ack", 64],
      [18081, "closed", "reset", 64],
    ]);
  });

  it("keeps product, version, extrainfo, ostype, method, confidence and CPEs", () => {
    expect(port(18022)).toMatchObject({
      name: "ssh",
      product: "OpenSSH",
      version: "8.9p1 Ubuntu 3ubuntu0.6",
      extraInfo: "Ubuntu Linux; protocol 2.0",
      osType: "Linux",
      method: "probed",
      confidence: 10,
      cpe: ["cpe:/a:openbsd:openssh:8.9p1", "cpe:/o:linux:linux_kernel"],
    });
    expect(port(18021)).toMatchObject({
      name: "ftp",
      product: "vsftpd",
      version: "3.0.3",
      cpe: ["cpe:/a:vsftpd:vsftpd:3.0.3"],
    });
  });

  it("keeps the TLS tunnel and the service fingerprint", () => {
    expect(port(8443).tunnel).toBe("ssl");
    expect(port(8443).name).toBe("https-alt");
    expect(port(8080).serviceFp).toMatch(/^SF-Port8080-TCP:V=7\.93/);
  });

  it("keeps script output and its structured data", () => {
    expect(port(8080).scripts["http-title"]).toEqual({
      output: "Example Office NAS - Login",
      data: { title: "Example Office NAS - Login" },
    });
    expect(port(8080).scripts["http-server-header"]).toEqual({
      output: "ExampleNAS-httpd/2.1",
      data: ["ExampleNAS-httpd/2.1"],
    });
    expect(port(18021).scripts.banner).toEqual({ output: "220 (vsFTPd 3.0.3)" });
    const cert = port(8443).scripts["ssl-cert"]!;
    expect(cert.output).toMatch(/^Subject: commonName=fileserver\.example\.test/);
    expect(cert.data).toMatchObject({
      subject: {
        commonName: "fileserver.example.test",
        organizationName: "Example Dental LLC",
        countryName: "US",
      },
      pubkey: { type: "rsa", bits: "2048" },
      extensions: [
        { name: "X509v3 Subject Key Identifier" },
        { name: "X509v3 Authority Key Identifier" },
        { name: "X509v3 Basic Constraints", value: "CA:TRUE", critical: "true" },
      ],
    });
  });

  it("summarises the certificate into tls[] with a SHA-256 computed from the PEM", () => {
    expect(host.tls).toEqual([
      {
        port: 8443,
        subject: "commonName=fileserver.example.test/organizationName=Example Dental LLC/countryName=US",
        issuer: "commonName=fileserver.example.test/organizationName=Example Dental LLC/countryName=US",
        selfSigned: true,
        notBefore: "2026-11-27T16:50:00",
        notAfter: "2036-11-24T16:50:00",
        keyType: "rsa",
        keyBits: 2048,
        // openssl x509 -noout -fingerprint -sha256 on the certificate our listener served
        sha256: "a7991890f5251792cbe54598a87d78aaecfd3cfcf98a8033f43503d507ce357f",
      },
    ]);
  });

  it("keeps OS matches with accuracy, line and osclass, and the ports used", () => {
    const matches = host.os!.matches;
    expect(matches[0]).toEqual({
      name: "Linux 5.0 - 5.2",
      accuracy: 96,
      line: 68062,
      classes: [
        {
          type: "general purpose",
          vendor: "Linux",
          family: "Linux",
          generation: "5.X",
          accuracy: 96,
          cpe: ["cpe:/o:linux:linux_kernel:5"],
        },
      ],
    });
    const axis = matches.find((m) => m.name.startsWith("AXIS"))!;
    expect(axis.classes[1]).toEqual({
      type: "webcam",
      vendor: "AXIS",
      family: "embedded",
      accuracy: 94,
      cpe: ["cpe:/h:axis:210a_network_camera", "cpe:/h:axis:211_network_camera"],
    });
    expect(host.os!.portsUsed[0]).toEqual({ state: "open", protocol: "tcp", port: 8080 });
    expect(host.os!.fingerprint).toMatch(/^OS:SCAN\(V=7\.93/);
  });

  it("keeps uptime, distance and times (srtt in microseconds → latencyMs)", () => {
    expect(host.uptime).toEqual({ seconds: 21, lastBoot: "Fri Nov 27 16:51:54 2026" });
    expect(host.distance).toBe(0);
    expect(host.times).toEqual({ srtt: 70, rttvar: 3, to: 100000 });
    expect(host.latencyMs).toBe(0.07);
  });
});
