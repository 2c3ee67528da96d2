import { describe, expect, it } from "vitest";
import { EOL_TABLE, endOfLifeFor } from "../../../../report/analyze/eol/eol-table.js";
import { windowsBuildIn, windowsNameFromBuild } from "../../../../report/analyze/eol/windows-builds.js";

const AUDIT_DAY = new Date("2026-11-27T12:00:00Z");

describe("endOfLifeFor as of 2026-11-27", () => {
  it.each([
    ["Windows 10 Pro 19045", "Windows 10", "2025-10-14", "end-of-life"],
    ["Windows 10 (build 19045)", "Windows 10", "2025-10-14", "end-of-life"],
    ["Windows Server 2016 Standard 14393", "Windows Server 2016", "2027-01-12", "ending-soon"],
    ["Windows Server 2019 (build 17763)", "Windows Server 2019", "2029-01-09", "supported"],
    ["Windows Server 2022 Datacenter 20348", "Windows Server 2022", "2031-10-14", "supported"],
    ["Windows Server 2012 R2 Standard 9600", "Windows Server 2012 R2", "2023-10-10", "end-of-life"],
    [
      "Windows Server 2008 R2 Standard 7601 Service Pack 1",
      "Windows Server 2008 R2",
      "2020-01-14",
      "end-of-life",
    ],
    [
      "Windows Server (R) 2008 Standard 6001 Service Pack 1",
      "Windows Server 2008",
      "2020-01-14",
      "end-of-life",
    ],
    ["Windows 7 Professional 7601 Service Pack 1", "Windows 7", "2020-01-14", "end-of-life"],
    ["Windows 8.1 (build 9600)", "Windows 8.1", "2023-01-10", "end-of-life"],
    ["Windows 11 23H2 (build 22631)", "Windows 11 23H2", "2025-11-11", "end-of-life"],
    ["Windows 11 Enterprise 22631", "Windows 11 23H2 Enterprise/Education", "2026-11-10", "end-of-life"],
    ["Windows 11 25H2 (build 26200)", "Windows 11 25H2", "2027-10-12", "ending-soon"],
    ["Windows 10 Enterprise LTSC 2019 17763", "Windows 10 Enterprise LTSC 2019", "2029-01-09", "supported"],
    ["Ubuntu 22.04.4 LTS", "Ubuntu 22.04 LTS", "2027-04-01", "ending-soon"],
    ["Ubuntu 24.04 LTS", "Ubuntu 24.04 LTS", "2029-05-31", "supported"],
    ["Debian GNU/Linux 11 (bullseye)", "Debian 11 (bullseye)", "2026-08-31", "end-of-life"],
    ["CentOS Linux release 7.9.2009", "CentOS 7", "2024-06-30", "end-of-life"],
    ["Red Hat Enterprise Linux 8.9", "Red Hat Enterprise Linux 8", "2029-05-31", "supported"],
    ["VMware ESXi 7.0.3", "VMware ESXi 7.0", "2025-10-02", "end-of-life"],
    ["VMware ESXi 8.0 Update 2", "VMware ESXi 8.0", "2027-10-11", "ending-soon"],
    ["macOS 12.7.6", "macOS 12 Monterey", "2024-09-16", "end-of-life"],
  ])("%s → %s (%s, %s)", (os, product, endOfLife, status) => {
    expect(endOfLifeFor(os, AUDIT_DAY)).toEqual({ product, endOfLife, status });
  });

  it("a release without an announced end is supported", () => {
    expect(endOfLifeFor("macOS 15.7", AUDIT_DAY)).toEqual({
      product: "macOS 15 Sequoia",
      endOfLife: "not announced",
      status: "supported",
    });
  });

  it.each(["Linux 4.15 - 5.8", "Cisco IOS 15.2", "", "FreeBSD 13.2"])("knows nothing about %j", (os) => {
    expect(endOfLifeFor(os, AUDIT_DAY)).toBeUndefined();
  });

  it("does not read a Debian kernel's build date as a release number", () => {
    const sysDescr = "Linux nas 5.10.0-23-amd64 #1 SMP Debian 5.10.179-1 (2023-05-12) x86_64";
    expect(endOfLifeFor(sysDescr, AUDIT_DAY)).toBeUndefined();
  });

  it("'ending soon' is within 12 months of the audit date", () => {
    expect(endOfLifeFor("Windows Server 2016", new Date("2026-01-11T00:00:00Z"))?.status).toBe("supported");
    expect(endOfLifeFor("Windows Server 2016", new Date("2026-01-13T00:00:00Z"))?.status).toBe("ending-soon");
    expect(endOfLifeFor("Windows Server 2016", new Date("2027-01-13T00:00:00Z"))?.status).toBe("end-of-life");
  });

  it("every entry has a vendor source and a real date", () => {
    for (const entry of EOL_TABLE) {
      expect(entry.source).toMatch(/^https:\/\//);
      if (entry.endOfLife) expect(Number.isNaN(Date.parse(entry.endOfLife))).toBe(false);
    }
  });
});

describe("Windows build numbers", () => {
  it.each([
    [17763, true, "Windows Server 2019 (build 17763)"],
    [17763, false, "Windows 10 (build 17763)"],
    [14393, true, "Windows Server 2016 (build 14393)"],
    [9600, true, "Windows Server 2012 R2 (build 9600)"],
    [9600, false, "Windows 8.1 (build 9600)"],
    [7601, false, "Windows 7 (build 7601)"],
    [22631, false, "Windows 11 23H2 (build 22631)"],
    [26100, true, "Windows Server 2025 (build 26100)"],
    [99999, false, undefined],
  ])("%i (server %s) → %s", (build, server, name) => {
    expect(windowsNameFromBuild(build, server)).toBe(name);
  });

  it.each([
    ["10.0.17763", 17763],
    ["Hardware: Intel64 Family 6 - Software: Windows Version 6.3 (Build 9600 Multiprocessor Free)", 9600],
    ["6.1.7601", 7601],
    ["Linux 5.10", undefined],
  ])("finds the build in %j", (text, build) => {
    expect(windowsBuildIn(text)).toBe(build);
  });
});
