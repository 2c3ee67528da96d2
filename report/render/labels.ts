import type { Role, Severity } from "../../schema/assessment.js";

export const ROLE_LABELS: Record<Role, { one: string; many: string }> = {
  "domain-controller": { one: "Domain controller", many: "Domain controllers" },
  server: { one: "Server", many: "Servers" },
  "file-server": { one: "File server", many: "File servers" },
  hypervisor: { one: "Virtualisation host", many: "Virtualisation hosts" },
  firewall: { one: "Firewall", many: "Firewalls" },
  router: { one: "Router", many: "Routers" },
  switch: { one: "Switch", many: "Switches" },
  "access-point": { one: "Wi-Fi access point", many: "Wi-Fi access points" },
  nas: { one: "NAS storage", many: "NAS storage" },
  "backup-server": { one: "Backup server", many: "Backup servers" },
  ups: { one: "UPS", many: "UPS units" },
  printer: { one: "Printer", many: "Printers" },
  workstation: { one: "Desktop PC", many: "Desktop PCs" },
  laptop: { one: "Laptop", many: "Laptops" },
  phone: { one: "IP phone", many: "IP phones" },
  camera: { one: "Camera", many: "Cameras" },
  mobile: { one: "Phone / tablet", many: "Phones & tablets" },
  iot: { one: "Smart device", many: "Smart devices" },
  unknown: { one: "Unidentified", many: "Unidentified" },
};

/** Shorter names where the network map's boxes are narrow. */
export const MAP_LABELS: Partial<Record<Role, string>> = {
  "access-point": "Wi-Fi APs",
  hypervisor: "VM hosts",
};

/** The order roles are listed in: infrastructure first, then people's devices. */
export const ROLE_ORDER: Role[] = [
  "firewall",
  "router",
  "switch",
  "access-point",
  "domain-controller",
  "server",
  "file-server",
  "hypervisor",
  "backup-server",
  "nas",
  "ups",
  "workstation",
  "laptop",
  "printer",
  "phone",
  "mobile",
  "camera",
  "iot",
  "unknown",
];

export const ROLE_COLORS: Record<Role, string> = {
  "domain-controller": "#1f3a5f",
  server: "#2f5d8a",
  "file-server": "#2f5d8a",
  hypervisor: "#2f5d8a",
  "backup-server": "#2f5d8a",
  nas: "#4a7bab",
  firewall: "#7a3b69",
  router: "#7a3b69",
  switch: "#8a6fa3",
  "access-point": "#8a6fa3",
  ups: "#5b8c5a",
  printer: "#6b7d8f",
  workstation: "#2a9d8f",
  laptop: "#2a9d8f",
  phone: "#c28a2c",
  mobile: "#c28a2c",
  camera: "#a0522d",
  iot: "#a0522d",
  unknown: "#9aa5b1",
};

export const SEVERITY_ORDER: Severity[] = ["critical", "high", "medium", "low", "info"];
export const SEVERITY_LABELS: Record<Severity, string> = {
  critical: "Critical",
  high: "High",
  medium: "Medium",
  low: "Low",
  info: "Info",
};
/** Same values as the CSS variables in report.css (SVG cannot read CSS variables in every viewer). */
export const SEVERITY_COLORS: Record<Severity, string> = {
  critical: "#8b0000",
  high: "#d2461e",
  medium: "#d99a00",
  low: "#2f6fb3",
  info: "#7a8591",
};

export const VERDICT_LABELS = {
  "too-small": {
    label: "Too small for now",
    headline: "Below the sweet spot: a managed-IT contract would cost more than it saves today.",
  },
  "sweet-spot": {
    label: "Sweet-spot client",
    headline:
      "A good fit for managed IT: big enough that downtime hurts, small enough to need an outside IT team.",
  },
  beyond: {
    label: "Beyond the sweet spot",
    headline:
      "Larger than a typical managed-IT client: co-managed support alongside in-house IT fits better.",
  },
} as const;
