import { describe, expect, it } from "vitest";
import { deviceName } from "../../../../report/analyze/classify/device-name.js";
import { cleanName, macHasVendor } from "../../../../report/analyze/classify/text-cleanup.js";
import { HostSchema } from "../../../../schema/audit.js";
import { host } from "./build-audit.js";

const smb = { "smb-os-discovery": { output: "", data: { server: "SMBNAME\\x00" } } };
const rdp = {
  port: 3389,
  protocol: "tcp" as const,
  state: "open",
  scripts: { "rdp-ntlm-info": { output: "", data: { NetBIOS_Computer_Name: "RDPNAME" } } },
};

describe("device name: NetBIOS, then PTR/mDNS, then SNMP sysName, then SMB/RDP", () => {
  it.each([
    [
      "NetBIOS first",
      {
        netbios: { name: "NBNAME" },
        hostnames: [{ name: "ptr.example.local", type: "PTR" }],
        snmp: { sysName: "snmpname" },
        scripts: smb,
      },
      "NBNAME",
    ],
    [
      "then PTR",
      {
        hostnames: [{ name: "ptr.example.local.", type: "PTR" }],
        snmp: { sysName: "snmpname" },
        scripts: smb,
      },
      "ptr.example.local",
    ],
    [
      "then mDNS",
      { hostnames: [{ name: "printer.local", type: "mdns" }], snmp: { sysName: "snmpname" } },
      "printer.local",
    ],
    ["then SNMP sysName", { snmp: { sysName: "snmpname" }, scripts: smb }, "snmpname"],
    ["then SMB computer name", { scripts: smb, services: [rdp] }, "SMBNAME"],
    ["then RDP computer name", { services: [rdp] }, "RDPNAME"],
    ["none", {}, undefined],
  ])("%s", (_label, facts, expected) => {
    expect(deviceName(HostSchema.parse(host("10.0.0.5", facts as never)))).toBe(expected);
  });
});

describe("text cleanup", () => {
  it.each([
    ["sevenkingdoms.local0.", "sevenkingdoms.local"],
    ["contoso.com.", "contoso.com"],
    ["HTB\\x00", "HTB"],
    ["HTB\u0000", "HTB"],
    ["  PC-01 ", "PC-01"],
    ["srv10", "srv10"],
    ["\u0000", undefined],
  ])("cleanName(%j) = %j", (raw, expected) => {
    expect(cleanName(raw)).toBe(expected);
  });

  it.each([
    ["00:00:00:00:00:00", false],
    ["ff:ff:ff:ff:ff:ff", false],
    ["02:42:ac:11:00:05", false],
    ["01:00:5e:00:00:fb", false],
    ["00:09:0f:11:22:33", true],
    ["00-11-32-AB-CD-EF", true],
    [undefined, false],
  ])("macHasVendor(%j) = %j", (mac, expected) => {
    expect(macHasVendor(mac)).toBe(expected);
  });
});
