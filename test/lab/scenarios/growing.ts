import { host, type VendorKey, windowsPc } from "./devices.js";
import { macFor, type ScenarioSpec } from "./types.js";

/**
 * Borderline, growing into the sweet spot: 15 PCs and a NAS in a workgroup behind the ISP's
 * router; no server, no domain, no UPS, no backup system.
 */
const VENDOR_CYCLE: VendorKey[] = ["dell", "hp", "lenovo", "dell", "msi"];

export const growing: ScenarioSpec = {
  name: "growing",
  net: "10.77.30",
  gatewayKey: "isp",
  dnsKey: "isp",
  searchDomain: "home",
  directory: { kind: "workgroup", name: "WORKGROUP", controllerKeys: [] },
  firewall: { grade: "consumer", vendor: "Sagemcom" },
  backup: { onsite: "no", offsite: "unknown" },
  ups: "no",
  expectedVerdict: "sweet-spot",
  agent: { octet: 200, mac: macFor("B8:27:EB", "sweetspot-agent") },
  hosts: [
    host("sagemcom", {
      key: "isp",
      name: "livebox",
      octet: 1,
      role: "router",
      notes: "ISP-supplied router",
      daemons: [
        { kind: "dnsmasq", domain: "home" },
        { kind: "nginx", sites: [{ port: 80, title: "Sagemcom F@st 5366 - Login" }] },
      ],
    }),
    host("synology", {
      key: "nas",
      name: "diskstation",
      octet: 10,
      role: "nas",
      daemons: [
        {
          kind: "samba-fs",
          workgroup: "WORKGROUP",
          smb1: false,
          serverString: "Synology DiskStation",
          shares: ["office"],
        },
        {
          kind: "nginx",
          sites: [
            { port: 5000, title: "Synology DiskStation - diskstation" },
            {
              port: 5001,
              title: "Synology DiskStation - diskstation",
              tls: "self-signed",
              certCn: "synology",
              certOrg: "Synology Inc.",
            },
          ],
        },
      ],
    }),
    ...Array.from({ length: 15 }, (_, i) => {
      const n = String(i + 1).padStart(2, "0");
      return windowsPc({
        key: `pc${n}`,
        name: `pc${n}`,
        octet: 101 + i,
        vendor: VENDOR_CYCLE[i % VENDOR_CYCLE.length]!,
        workgroup: "WORKGROUP",
        rdp: i % 3 === 0,
        dropPing: i % 5 === 1,
      });
    }),
  ],
};
