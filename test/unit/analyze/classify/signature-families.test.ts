import { describe, expect, it } from "vitest";
import { classifyDevices } from "../../../../report/analyze/classify/classify-devices.js";
import { buildAudit, host, ports } from "./build-audit.js";

/** Classifies one host (not the gateway) and returns its device. */
function classifyOne(facts: Parameters<typeof host>[1]) {
  const [device] = classifyDevices(buildAudit([host("10.0.0.50", facts)]));
  return device!;
}

describe("MAC vendor signatures (nmap's vendor names)", () => {
  it.each([
    ["Fortinet", "00:09:0f:00:00:01", "firewall", "Fortinet"],
    ["Sonicwall", "00:17:c5:00:00:01", "firewall", "SonicWall"],
    ["WatchGuard Technologies", "00:90:7f:00:00:01", "firewall", "WatchGuard"],
    ["Synology Incorporated", "00:11:32:00:00:01", "nas", "Synology"],
    ["Qnap Systems", "24:5e:be:00:00:01", "nas", "QNAP"],
    ["American Power Conversion", "00:c0:b7:00:00:01", "ups", "APC"],
    ["CyberPower Systems", "00:0c:15:00:00:01", "ups", "CyberPower"],
    ["Brother industries", "00:80:77:00:00:01", "printer", "Brother"],
    ["Seiko Epson", "00:26:ab:00:00:01", "printer", "Epson"],
    ["Hangzhou Hikvision Digital Technology", "44:19:b6:00:00:01", "camera", "Hikvision"],
    ["Yealink(xiamen) Network Technology", "80:5e:c0:00:00:01", "phone", "Yealink"],
    ["Ubiquiti Networks", "24:a4:3c:00:00:01", "access-point", "Ubiquiti"],
    ["Routerboard.com", "4c:5e:0c:00:00:01", "router", "MikroTik"],
    ["Espressif", "24:0a:c4:00:00:01", "iot", "Espressif"],
  ])("%s → %s", (vendor, mac, role, reportedVendor) => {
    const device = classifyOne({ mac, vendor });
    expect(device.role).toBe(role);
    expect(device.vendor).toBe(reportedVendor);
    expect(device.evidence.some((item) => item.fact.endsWith(".vendor"))).toBe(true);
  });

  it.each(["Dell", "Intel Corporate", "Apple", "Realtek Semiconductor"])(
    "%s names the vendor but decides no role",
    (vendor) => {
      const device = classifyOne({ mac: "00:1a:2b:00:00:01", vendor });
      expect(device.role).toBe("unknown");
      expect(device.confidence).toBe(0);
    },
  );
});

describe("SNMP enterprise numbers (sysObjectID)", () => {
  it.each([
    ["1.3.6.1.4.1.12356.101.1.1", "", "firewall", "Fortinet"],
    ["1.3.6.1.4.1.8741.1", "SonicWALL TZ 370", "firewall", "SonicWall"],
    ["1.3.6.1.4.1.3097.1.5", "", "firewall", "WatchGuard"],
    ["1.3.6.1.4.1.2604.5", "", "firewall", "Sophos"],
    ["1.3.6.1.4.1.25461.2.3.1", "", "firewall", "Palo Alto Networks"],
    ["1.3.6.1.4.1.29671.2.1", "", "firewall", "Cisco Meraki"],
    ["1.3.6.1.4.1.41112.1.6", "", "access-point", "Ubiquiti"],
    ["1.3.6.1.4.1.14988.1", "RouterOS RB4011", "router", "MikroTik"],
    [
      "1.3.6.1.4.1.12325.1.1.2.1.1",
      "pfSense firewall.local 2.7.2-RELEASE FreeBSD 14.0",
      "firewall",
      "Netgate pfSense",
    ],
    ["1.3.6.1.4.1.12325.1.1.2.1.1", "OPNsense 24.7 FreeBSD", "firewall", "OPNsense"],
    [".1.3.6.1.4.1.318.1.3.27", "APC Web/SNMP Management Card", "ups", "APC"],
    ["1.3.6.1.4.1.534.1", "", "ups", "Eaton"],
    ["1.3.6.1.4.1.3808.1.1.1", "", "ups", "CyberPower"],
    ["1.3.6.1.4.1.6574.1", "Linux DiskStation", "nas", "Synology"],
    ["1.3.6.1.4.1.24681.1", "", "nas", "QNAP"],
    ["1.3.6.1.4.1.11.2.3.9.1", "HP ETHERNET MULTI-ENVIRONMENT,JETDIRECT", "printer", "HP"],
    ["1.3.6.1.4.1.2435.2.3.9.1", "Brother NC-8300w", "printer", "Brother"],
    ["1.3.6.1.4.1.1602.4.7", "Canon iR-ADV C5535", "printer", "Canon"],
    ["1.3.6.1.4.1.1248.1.1", "EPSON Built-in", "printer", "Epson"],
    ["1.3.6.1.4.1.253.8.62.1", "Xerox VersaLink C405", "printer", "Xerox"],
    ["1.3.6.1.4.1.9.1.1208", "Cisco IOS Software, C2960X Software", "switch", "Cisco"],
    ["1.3.6.1.4.1.6876.4.1", "VMware ESXi 8.0.2", "hypervisor", "VMware"],
  ])("%s (%s) → %s", (sysObjectID, sysDescr, role, vendor) => {
    const device = classifyOne({ snmp: { sysObjectID, sysDescr } });
    expect(device.role).toBe(role);
    expect(device.vendor).toBe(vendor);
    expect(device.evidence.some((item) => item.fact === "hosts[ip=10.0.0.50].snmp.sysObjectID")).toBe(true);
  });

  it("net-snmp says nothing about the role", () => {
    expect(classifyOne({ snmp: { sysObjectID: "1.3.6.1.4.1.8072.3.2.10" } }).role).toBe("unknown");
  });
});

describe("port sets", () => {
  it.each([
    [["53", "88", "135", "389", "445", "464", "636", "3268"], "domain-controller"],
    [["135", "445", "3389", "6160", "9392", "9401"], "backup-server"],
    [["3493"], "ups"],
    [["80", "515", "631", "9100"], "printer"],
    [["22", "443", "902"], "hypervisor"],
    [["22", "8006"], "hypervisor"],
    [["5000", "5001"], "nas"],
    [["80", "554"], "camera"],
    [["37777"], "camera"],
    [["5060/udp"], "phone"],
    [["135", "139", "445", "3389"], "workstation"],
    [["1433", "445", "3389"], "server"],
    [["8291", "80"], "router"],
  ])("%j → %s", (open, role) => {
    expect(classifyOne({ services: ports(...open) }).role).toBe(role);
  });

  it("ignores closed and filtered ports", () => {
    const device = classifyOne({
      services: [
        { port: 9100, protocol: "tcp", state: "closed" },
        { port: 3493, protocol: "tcp", state: "filtered" },
      ],
    });
    expect(device.role).toBe("unknown");
  });
});

describe("banners, titles and certificates", () => {
  const title = (text: string) => ({
    services: ports({
      port: 443,
      protocol: "tcp",
      state: "open",
      name: "https",
      scripts: { "http-title": { output: text } },
    }),
  });
  it.each([
    ["FortiGate", "firewall"],
    ["SonicWall - Authentication", "firewall"],
    ["Fireware XTM User Authentication", "firewall"],
    ["Sophos XGS Firewall", "firewall"],
    ["pfSense - Login", "firewall"],
    ["OPNsense | Login", "firewall"],
    ["Synology DiskStation", "nas"],
    ["QNAP Turbo NAS", "nas"],
    ["HP LaserJet Pro M404dn", "printer"],
    ["Brother MFC-L2710DW series", "printer"],
    ["RouterOS router configuration page", "router"],
    ["TP-LINK Archer C7", "router"],
    ["NETGEAR Router R7000", "router"],
    ["UniFi OS", "access-point"],
    ["iDRAC9 - Login", "server"],
    ["Proxmox Virtual Environment", "hypervisor"],
    ["VMware ESXi", "hypervisor"],
    ["Veeam Backup Enterprise Manager", "backup-server"],
    ["APC | Log On", "ups"],
  ])("HTTP title %j → %s", (text, role) => {
    const device = classifyOne(title(text));
    expect(device.role).toBe(role);
    expect(
      device.evidence.some((item) => item.fact.endsWith("scripts.http-title") && item.observed === text),
    ).toBe(true);
  });

  it("reads certificate subjects", () => {
    const device = classifyOne({ tls: [{ port: 443, subject: "CN=FGT60FTK20091234, O=Fortinet" }] });
    expect(device.role).toBe("firewall");
  });

  it("reads nmap's service product (Active Directory LDAP)", () => {
    const device = classifyOne({
      services: ports({
        port: 389,
        protocol: "tcp",
        state: "open",
        name: "ldap",
        product: "Microsoft Windows Active Directory LDAP",
      }),
    });
    expect(device.role).toBe("domain-controller");
  });
});

describe("OS strings the host announces", () => {
  const smb = (os: string) => ({
    services: ports("445", "3389"),
    scripts: { "smb-os-discovery": { output: `\n  OS: ${os}`, data: { os } } },
  });
  it.each([
    ["Windows Server 2019 Standard 17763", "server"],
    ["Windows Server 2008 R2 Standard 7601 Service Pack 1", "server"],
    ["Windows 10 Pro 19045", "workstation"],
    ["Windows 7 Professional 7601 Service Pack 1", "workstation"],
  ])("%s → %s", (os, role) => {
    const device = classifyOne(smb(os));
    expect(device.role).toBe(role);
    expect(device.os).toBe(os);
  });
});

describe("NetBIOS suffixes", () => {
  it("<1C> group → domain controller", () => {
    const device = classifyOne({
      netbios: { name: "DC1", names: [{ name: "CONTOSO", suffix: "1c", group: true }] },
      services: ports("445"),
    });
    expect(device.role).toBe("domain-controller");
  });
});

describe("nmap OS classes", () => {
  const guess = (accuracy: number, type: string, family: string) => ({
    os: {
      matches: [{ name: `${family} guess`, accuracy, classes: [{ type, family, vendor: "X", accuracy }] }],
    },
  });
  it("a confident guess decides when nothing else tells, with capped confidence", () => {
    const device = classifyOne(guess(95, "printer", "embedded"));
    expect(device.role).toBe("printer");
    expect(device.confidence).toBeLessThanOrEqual(0.5);
    expect(device.evidence.some((item) => item.observed.includes("role from nmap OS guesses only"))).toBe(
      true,
    );
  });
  it("a guess below 90 % is only a note", () => {
    const device = classifyOne(guess(89, "printer", "embedded"));
    expect(device.role).toBe("unknown");
    expect(device.evidence.some((item) => item.note?.includes("below 90%"))).toBe(true);
  });
  it("never outranks what the host serves", () => {
    const device = classifyOne({ ...guess(98, "router", "IOS"), services: ports("9100", "631") });
    expect(device.role).toBe("printer");
    expect(device.roles).not.toContain("router");
  });
});

describe("the default gateway", () => {
  it("is a router/firewall candidate; a consumer vendor makes it a router", () => {
    const audit = buildAudit([
      host("10.0.0.1", { mac: "50:c7:bf:00:00:01", vendor: "Tp-link Technologies" }),
    ]);
    const [gateway] = classifyDevices(audit);
    expect(gateway!.role).toBe("router");
    expect(gateway!.roles).toContain("firewall");
    expect(gateway!.evidence.some((item) => item.fact === "agent.gateway")).toBe(true);
  });
  it("a business firewall vendor makes it a firewall", () => {
    const audit = buildAudit([host("10.0.0.1", { mac: "00:09:0f:00:00:01", vendor: "Fortinet" })]);
    expect(classifyDevices(audit)[0]!.role).toBe("firewall");
  });
});
