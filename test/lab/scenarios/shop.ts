import { host, type VendorKey, windowsPc } from "./devices.js";
import { macFor, type ScenarioSpec } from "./types.js";

/** Too small: four PCs in a peer-to-peer workgroup behind a consumer router; no server, UPS or backup. */
const PCS: { name: string; vendor: VendorKey; dropPing: boolean }[] = [
  { name: "front-desk", vendor: "hp", dropPing: true },
  { name: "owner-pc", vendor: "dell", dropPing: false },
  { name: "till", vendor: "lenovo", dropPing: false },
  { name: "office-pc", vendor: "msi", dropPing: true },
];

export const shop: ScenarioSpec = {
  name: "shop",
  net: "10.77.20",
  gatewayKey: "rtr",
  dnsKey: "rtr",
  searchDomain: "lan",
  directory: { kind: "workgroup", name: "WORKGROUP", controllerKeys: [] },
  firewall: { grade: "consumer", vendor: "TP-Link" },
  backup: { onsite: "no", offsite: "unknown" },
  ups: "no",
  expectedVerdict: "too-small",
  agent: { octet: 150, mac: macFor("B8:27:EB", "sweetspot-agent") },
  hosts: [
    host("tplink", {
      key: "rtr",
      name: "archer-c6",
      octet: 1,
      role: "router",
      notes: "consumer Wi-Fi router: DNS forwarder (dnsmasq) and a web admin page",
      daemons: [
        { kind: "dnsmasq", domain: "lan" },
        {
          kind: "nginx",
          sites: [{ port: 80, title: "TP-Link Archer C6 - Login", serverHeader: "TP-LINK HTTPD" }],
        },
      ],
    }),
    ...PCS.map((pc, i) =>
      windowsPc({
        key: `pc${i + 1}`,
        name: pc.name,
        octet: 100 + i,
        vendor: pc.vendor,
        workgroup: "WORKGROUP",
        rdp: false,
        dropPing: pc.dropPing,
      }),
    ),
  ],
};
