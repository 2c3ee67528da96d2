import { type HostSpec, macFor } from "./types.js";

/** Real vendor prefixes, as nmap-mac-prefixes names them. */
export const VENDORS = {
  dell: { prefix: "F0:1F:AF", vendor: "Dell" },
  dell2: { prefix: "C8:1F:66", vendor: "Dell" },
  hp: { prefix: "00:14:C2", vendor: "Hewlett Packard" },
  hpSwitch: { prefix: "00:13:21", vendor: "Hewlett Packard" },
  lenovo: { prefix: "10:C5:95", vendor: "Lenovo" },
  msi: { prefix: "D8:BB:C1", vendor: "Micro-star Intl" },
  supermicro: { prefix: "00:25:90", vendor: "Super Micro Computer" },
  fortinet: { prefix: "00:09:0F", vendor: "Fortinet" },
  synology: { prefix: "00:11:32", vendor: "Synology Incorporated" },
  apc: { prefix: "00:C0:B7", vendor: "American Power Conversion" },
  tplink: { prefix: "50:C7:BF", vendor: "Tp-link Technologies" },
  sagemcom: { prefix: "00:0E:59", vendor: "Sagemcom Broadband SAS" },
  raspberry: { prefix: "B8:27:EB", vendor: "Raspberry Pi Foundation" },
} as const;

export type VendorKey = keyof typeof VENDORS;

/** A Windows 10/11 look-alike PC: NetBIOS name via nmbd, RPC/SMB/RDP ports, TTL 128. */
export function windowsPc(opts: {
  key: string;
  name: string;
  octet: number;
  vendor: VendorKey;
  workgroup: string;
  rdp?: boolean;
  dropPing?: boolean;
}): HostSpec {
  const v = VENDORS[opts.vendor];
  const ports = [135, 139, 445, ...(opts.rdp === false ? [] : [3389])];
  return {
    key: opts.key,
    name: opts.name,
    octet: opts.octet,
    mac: macFor(v.prefix, opts.name),
    vendor: v.vendor,
    role: "workstation",
    windowsTtl: true,
    dropPing: opts.dropPing ?? false,
    daemons: [
      { kind: "nmbd", workgroup: opts.workgroup },
      { kind: "listener", ports: ports.map((port) => ({ port, rdp: port === 3389 })) },
    ],
  };
}

export function host(vendor: VendorKey, spec: Omit<HostSpec, "mac" | "vendor">): HostSpec {
  const v = VENDORS[vendor];
  return { ...spec, mac: macFor(v.prefix, spec.name), vendor: v.vendor };
}
