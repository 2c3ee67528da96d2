import { describe, expect, it } from "vitest";
import { buildAuditFromScans, readNmapScans } from "../../../agent/import-nmap.js";
import { targetsFromNmapArgs } from "../../../agent/nmap/xml-command-targets.js";
import { FailError, UsageError } from "../../../lib/errors.js";
import { AuditSchema } from "../../../schema/audit.js";
import { fixturePath } from "./fixtures.js";

const options = {
  client: { name: "Example Dental", site: "Main office" },
  auditId: "test-id",
  toolVersion: "9.9.9",
};

describe("buildAuditFromScans", () => {
  it("builds one valid Audit from several files, one host per address", async () => {
    const scans = await readNmapScans([
      fixturePath("hand-made-windows-domain.xml"),
      fixturePath("hand-made-truncated.xml"),
    ]);
    const audit = buildAuditFromScans(scans, options);
    expect(AuditSchema.parse(audit)).toEqual(audit);
    expect(audit).toMatchObject({
      schemaVersion: 1,
      tool: { name: "sweetspot", version: "9.9.9" },
      auditId: "test-id",
      status: "partial",
      client: { name: "Example Dental", site: "Main office" },
      startedAt: "2025-11-27T08:00:00.000Z",
      finishedAt: "2025-11-27T08:01:10.000Z",
      scope: { targets: ["10.20.0.0/24", "10.30.0.0/28"], excluded: ["10.20.0.1"], autoDetected: false },
    });
    expect(audit.agent).toBeUndefined();
    expect(audit.hosts.map((h) => h.ip)).toEqual(["10.20.0.10", "10.20.0.23", "10.30.0.1", "10.30.0.5"]);
    expect(audit.nmap.map((run) => run.truncated ?? false)).toEqual([false, true]);
    expect(audit.engagement.privileged).toBe(true);
    expect(audit.engagement.probes.map((p) => [p.status, p.message])).toEqual([
      ["ok", `imported from ${fixturePath("hand-made-windows-domain.xml")}`],
      ["interrupted", `imported from ${fixturePath("hand-made-truncated.xml")}`],
    ]);
    expect(audit.warnings.map((w) => w.message)).toEqual([
      expect.stringContaining("the scan was interrupted"),
    ]);
  });

  it("fills the directory from ldap-rootdse, smb-os-discovery and nbstat, naming its sources", async () => {
    const audit = buildAuditFromScans(
      await readNmapScans([fixturePath("hand-made-windows-domain.xml")]),
      options,
    );
    expect(audit.directory.domains).toEqual([
      {
        dnsName: "corp.example.test",
        netbiosName: "CORP",
        forestName: "corp.example.test",
        namingContext: "DC=corp,DC=example,DC=test",
        functionalLevel: "7",
        forestFunctionalLevel: "7",
        domainControllerFunctionality: "7",
        controllers: [
          { ip: "10.20.0.10", port: 389, hostname: "DC01.corp.example.test", source: "ldap-rootdse" },
        ],
        sources: ["ldap-rootdse", "smb-os-discovery", "nbstat"],
      },
    ]);
    expect(audit.directory.workgroups).toEqual([
      { name: "OFFICE", hosts: ["10.20.0.23"], sources: ["smb-os-discovery", "nbstat"] },
    ]);
  });

  it("uses the hosts' addresses as scope when the command line does not name the targets", async () => {
    const scans = await readNmapScans([fixturePath("loopback-sv-o.xml")]);
    scans[0]!.result.run.args = "nmap -sV -iL targets.txt";
    const audit = buildAuditFromScans(scans, options);
    expect(audit.scope.targets).toEqual(["127.0.0.1"]);
    expect(audit.warnings.at(-1)?.message).toContain("the scope lists the hosts found instead");
  });
});

describe("readNmapScans", () => {
  it("names a missing file (usage error) and a file that is not nmap XML (failure)", async () => {
    await expect(readNmapScans(["/nonexistent/scan.xml"])).rejects.toThrow(UsageError);
    await expect(readNmapScans(["/nonexistent/scan.xml"])).rejects.toThrow(
      "/nonexistent/scan.xml: no such file",
    );
    const notXml = readNmapScans([fixturePath("../README.md")]);
    await expect(notXml).rejects.toThrow(FailError);
    await expect(notXml).rejects.toThrow("README.md: not an nmap XML scan (plain text, not XML)");
  });
});

describe("targetsFromNmapArgs", () => {
  it.each([
    ["nmap -n -sV -p 22,80 -oX out.xml 10.0.0.0/24 10.0.1.5", ["10.0.0.0/24", "10.0.1.5"], [], false],
    [
      "nmap --script=banner --exclude 10.0.0.1,10.0.0.2 10.0.0.1-50",
      ["10.0.0.1-50"],
      ["10.0.0.1", "10.0.0.2"],
      false,
    ],
    [
      "/usr/bin/nmap -T4 --max-os-tries 1 --top-ports 100 fileserver.corp.test",
      ["fileserver.corp.test"],
      [],
      false,
    ],
    ["nmap -6 fd00:20::/120", ["fd00:20::/120"], [], false],
    ["nmap -sn -iL hosts.txt", [], [], true],
  ])("%s", (args, targets, excluded, unknown) => {
    expect(targetsFromNmapArgs(args)).toEqual({ targets, excluded, unknown });
  });
});
