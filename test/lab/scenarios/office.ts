import { host, type VendorKey, windowsPc } from "./devices.js";
import { type HostSpec, macFor, type ScenarioSpec } from "./types.js";

/**
 * The sweet spot: a 12-PC office on an Active Directory domain, a business firewall, a file
 * server still speaking SMB1, a NAS, a Veeam backup server, a UPS, a printer, and a managed
 * switch with telnet and an expired admin certificate.
 */
export const REALM = "CORP.EXAMPLE.COM";
export const DOMAIN = "CORP";

const firewall = host("fortinet", {
  key: "fw",
  name: "FGT60F-CORP",
  octet: 1,
  role: "firewall",
  daemons: [
    {
      kind: "snmpd",
      sysDescr: "Fortinet FortiGate-60F v7.2.8,build1639,240313 (GA.M)",
      sysObjectID: ".1.3.6.1.4.1.12356.101.1.641",
      sysLocation: "Comms cupboard",
      sysContact: "it@corp.example.com",
    },
    {
      kind: "nginx",
      sites: [
        { port: 80, title: "FortiGate - Login" },
        {
          port: 443,
          title: "FortiGate - Login",
          tls: "self-signed",
          certCn: "FGT60FTK21090001",
          certOrg: "Fortinet",
        },
      ],
    },
  ],
});

/** What an HP ProCurve's telnet sends first (nmap's service probes recognise it). */
const PROCURVE_TELNET =
  "\xff\xfd\x18\xff\xfb\x01\x1b[2J\x1b[?7l\x1b[3;23r\x1b[?6l\x1b[1;1H\x1b[?25l\x1b[1;1H" +
  "HP J9776A ProCurve Switch 2530-24G\r\n\rFirmware revision YA.16.10.0003\r\n\r\r\nPassword: ";

const switchWithTelnet = host("hpSwitch", {
  key: "sw01",
  name: "sw01",
  octet: 2,
  role: "switch",
  notes: "telnet enabled; HTTPS admin page with an expired self-signed certificate",
  daemons: [
    { kind: "listener", ports: [{ port: 23, banner: PROCURVE_TELNET }] },
    {
      kind: "nginx",
      sites: [
        {
          port: 443,
          title: "HP 2530-24G Switch - Login",
          tls: "expired",
          certCn: "sw01.corp.example.com",
          certOrg: "Hewlett-Packard",
        },
      ],
    },
    {
      kind: "snmpd",
      sysDescr: "HP J9776A 2530-24G Switch, revision YA.16.10.0003, ROM YA.15.20",
      sysObjectID: ".1.3.6.1.4.1.11.2.3.7.11.153",
    },
  ],
});

const dc = host("dell", {
  key: "dc01",
  name: "dc01",
  octet: 10,
  role: "domain-controller",
  notes: "Samba AD DC; the lab's DNS server",
  daemons: [{ kind: "samba-dc", realm: REALM, domain: DOMAIN, adminPassword: "Lab-Admin-Passw0rd!" }],
});

export function fileServer(smb1: boolean): HostSpec {
  return host("dell2", {
    key: "fs01",
    name: "fs01",
    octet: 11,
    role: "file-server",
    notes: smb1 ? "SMB1 enabled (server min protocol = NT1)" : "SMB1 disabled",
    daemons: [
      {
        kind: "samba-fs",
        workgroup: DOMAIN,
        smb1,
        serverString: "Corp file server",
        shares: ["Shared", "Accounts", "Scans"],
      },
    ],
  });
}

const backupServer = host("supermicro", {
  key: "bkp01",
  name: "backup01",
  octet: 12,
  role: "backup-server",
  windowsTtl: true,
  notes: "Veeam Backup & Replication ports",
  daemons: [
    { kind: "nmbd", workgroup: DOMAIN },
    {
      kind: "listener",
      ports: [135, 139, 445, 3389, 2500, 6160, 6162, 9392, 9401, 10005].map((port) => ({
        port,
        rdp: port === 3389,
      })),
    },
  ],
});

const nas = host("synology", {
  key: "nas01",
  name: "nas01",
  octet: 20,
  role: "nas",
  daemons: [
    {
      kind: "samba-fs",
      workgroup: DOMAIN,
      smb1: false,
      serverString: "Synology DiskStation",
      shares: ["home", "backup"],
    },
    {
      kind: "nginx",
      sites: [
        { port: 5000, title: "Synology DiskStation - nas01" },
        {
          port: 5001,
          title: "Synology DiskStation - nas01",
          tls: "self-signed",
          certCn: "synology",
          certOrg: "Synology Inc.",
        },
      ],
    },
  ],
});

const ups = host("apc", {
  key: "ups01",
  name: "ups01",
  octet: 30,
  role: "ups",
  notes: "NUT upsd (dummy-ups) and an APC network card's SNMP with UPS-MIB",
  daemons: [
    {
      kind: "nut",
      upsName: "smartups",
      vars: {
        "device.mfr": "APC",
        "device.model": "Smart-UPS 1500",
        "device.type": "ups",
        "device.serial": "AS1234567890",
        "ups.mfr": "APC",
        "ups.model": "Smart-UPS 1500",
        "ups.status": "OL",
        "ups.load": "23",
        "battery.charge": "100",
        "battery.runtime": "2700",
        "input.voltage": "230.0",
        "output.voltage": "230.0",
      },
    },
    {
      kind: "snmpd",
      sysDescr:
        "APC Web/SNMP Management Card (MB:v4.1.0 PF:v6.8.2 PN:apc_hw05_aos_682.bin AF1:v6.8.2 AN1:apc_hw05_sumx_682.bin MN:AP9630 HR:05 SN: ZA1234567890 MD:01/15/2019)",
      sysObjectID: ".1.3.6.1.4.1.318.1.3.27",
      values: [
        { oid: ".1.3.6.1.2.1.33.1.1.1.0", type: "octet_str", value: "APC" },
        { oid: ".1.3.6.1.2.1.33.1.1.2.0", type: "octet_str", value: "Smart-UPS 1500" },
        { oid: ".1.3.6.1.2.1.33.1.1.5.0", type: "octet_str", value: "ups01" },
        { oid: ".1.3.6.1.2.1.33.1.2.1.0", type: "integer", value: 2 },
        { oid: ".1.3.6.1.2.1.33.1.2.3.0", type: "integer", value: 45 },
        { oid: ".1.3.6.1.2.1.33.1.2.4.0", type: "integer", value: 100 },
        { oid: ".1.3.6.1.2.1.33.1.4.1.0", type: "integer", value: 3 },
      ],
    },
    { kind: "nginx", sites: [{ port: 80, title: "APC | Log On" }] },
  ],
});

const printer = host("hp", {
  key: "prn01",
  name: "prn01",
  octet: 40,
  role: "printer",
  daemons: [
    { kind: "listener", ports: [{ port: 9100 }, { port: 515 }] },
    {
      kind: "nginx",
      sites: [
        { port: 80, title: "HP LaserJet Pro M404dn" },
        { port: 631, title: "HP LaserJet Pro M404dn" },
      ],
    },
    {
      kind: "snmpd",
      sysDescr: "HP ETHERNET MULTI-ENVIRONMENT,ROM none,JETDIRECT,JD153,EEPROM JSI23500005",
      sysObjectID: ".1.3.6.1.4.1.11.2.3.9.1",
    },
  ],
});

const PC_VENDORS: VendorKey[] = [
  "dell",
  "dell",
  "hp",
  "lenovo",
  "dell",
  "hp",
  "lenovo",
  "dell",
  "dell",
  "hp",
  "lenovo",
  "dell",
  "hp",
];

export function officeWorkstations(count: number): HostSpec[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(2, "0");
    return windowsPc({
      key: `ws${n}`,
      name: `ws${n}`,
      octet: 101 + i,
      vendor: PC_VENDORS[i % PC_VENDORS.length]!,
      workgroup: DOMAIN,
      dropPing: i % 4 === 2,
    });
  });
}

export function officeLike(opts: {
  name: ScenarioSpec["name"];
  workstations: number;
  smb1: boolean;
  withUps: boolean;
}): ScenarioSpec {
  return {
    name: opts.name,
    net: "10.77.10",
    gatewayKey: "fw",
    dnsKey: "dc01",
    searchDomain: REALM.toLowerCase(),
    directory: { kind: "domain", name: REALM.toLowerCase(), netbiosName: DOMAIN, controllerKeys: ["dc01"] },
    firewall: { grade: "business", vendor: "Fortinet" },
    backup: { onsite: "yes", offsite: "unknown" },
    ups: opts.withUps ? "yes" : "no",
    expectedVerdict: "sweet-spot",
    agent: { octet: 250, mac: macFor("B8:27:EB", "sweetspot-agent") },
    hosts: [
      firewall,
      switchWithTelnet,
      dc,
      fileServer(opts.smb1),
      backupServer,
      nas,
      ...(opts.withUps ? [ups] : []),
      printer,
      ...officeWorkstations(opts.workstations),
    ],
  };
}

export const office: ScenarioSpec = officeLike({
  name: "office",
  workstations: 12,
  smb1: true,
  withUps: true,
});
