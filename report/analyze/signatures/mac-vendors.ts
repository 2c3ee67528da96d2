import { type MacVendorSignature, WEIGHT } from "./signature-types.js";

/**
 * MAC OUI vendor → device kind. `match` is tested against the vendor name as nmap spells it
 * (nmap-mac-prefixes, e.g. "Tp-link Technologies", "Synology Incorporated"). A MAC vendor is a
 * hint about the network card, not proof of the role: weights stay MEDIUM or lower, except for
 * vendors that make nothing else (a Fortinet MAC is a FortiGate/FortiSwitch/FortiAP).
 * Vendors that make every kind of computer (Dell, Lenovo, Intel, Realtek…) only name the vendor.
 */
export const MAC_VENDOR_SIGNATURES: MacVendorSignature[] = [
  // --- business firewalls ---
  { id: "fortinet", match: /^Fortinet/i, roles: ["firewall", "switch", "access-point"], vendor: "Fortinet", grade: "business", weight: WEIGHT.medium, why: "Fortinet makes FortiGate firewalls and their switches/APs." },
  { id: "sonicwall", match: /^SonicWall/i, roles: ["firewall"], vendor: "SonicWall", grade: "business", weight: WEIGHT.strong, why: "SonicWall makes business firewalls only." },
  { id: "watchguard", match: /^WatchGuard Technologies/i, roles: ["firewall"], vendor: "WatchGuard", grade: "business", weight: WEIGHT.strong, why: "WatchGuard makes business firewalls (Firebox)." },
  { id: "sophos", match: /^Sophos/i, roles: ["firewall"], vendor: "Sophos", grade: "business", weight: WEIGHT.strong, why: "Sophos network cards are XG/XGS firewalls and RED devices." },
  { id: "palo-alto", match: /^Palo Alto Networks/i, roles: ["firewall"], vendor: "Palo Alto Networks", grade: "business", weight: WEIGHT.strong, why: "Palo Alto Networks makes next-generation firewalls." },
  { id: "check-point", match: /^Check Point Software/i, roles: ["firewall"], vendor: "Check Point", grade: "business", weight: WEIGHT.strong, why: "Check Point makes business firewalls." },
  { id: "barracuda", match: /^Barracuda Networks/i, roles: ["firewall"], vendor: "Barracuda", grade: "business", weight: WEIGHT.medium, why: "Barracuda makes firewalls and mail/web gateways." },
  { id: "netgate", match: /^Netgate/i, roles: ["firewall"], vendor: "Netgate", grade: "business", weight: WEIGHT.strong, why: "Netgate sells pfSense firewall appliances." },
  // --- business network gear ---
  { id: "cisco-meraki", match: /Meraki/i, roles: ["firewall", "switch", "access-point"], vendor: "Cisco Meraki", grade: "business", weight: WEIGHT.medium, why: "Meraki makes MX security appliances, MS switches and MR access points." },
  { id: "cisco-linksys", match: /Linksys/i, roles: ["router", "access-point"], vendor: "Linksys", grade: "consumer", tags: ["consumer-router"], weight: WEIGHT.medium, why: "Linksys makes home and small-office routers." },
  { id: "cisco-spvtg", match: /^Cisco SPVTG/i, roles: ["router"], vendor: "Cisco", grade: "consumer", tags: ["consumer-router"], weight: WEIGHT.medium, why: "Cisco SPVTG OUIs are cable modems and ISP gateways." },
  { id: "cisco", match: /^Cisco Systems/i, roles: ["switch", "router", "access-point", "phone"], vendor: "Cisco", grade: "business", weight: WEIGHT.weak, why: "Cisco makes switches, routers, access points and IP phones." },
  { id: "ubiquiti", match: /^Ubiquiti/i, roles: ["access-point", "router", "switch"], vendor: "Ubiquiti", grade: "business", weight: WEIGHT.medium, why: "Ubiquiti makes UniFi access points, gateways and switches." },
  { id: "mikrotik", match: /^Routerboard|MikroTik/i, roles: ["router", "switch", "access-point"], vendor: "MikroTik", grade: "business", weight: WEIGHT.medium, why: "MikroTik (Routerboard.com) makes RouterOS routers and switches." },
  { id: "aruba", match: /^Aruba/i, roles: ["access-point", "switch"], vendor: "Aruba (HPE)", grade: "business", weight: WEIGHT.medium, why: "Aruba makes access points and switches." },
  { id: "ruckus", match: /^Ruckus/i, roles: ["access-point", "switch"], vendor: "Ruckus", grade: "business", weight: WEIGHT.medium, why: "Ruckus makes access points and switches." },
  { id: "juniper", match: /^Juniper Networks/i, roles: ["router", "switch", "firewall"], vendor: "Juniper", grade: "business", weight: WEIGHT.medium, why: "Juniper makes routers, switches and SRX firewalls." },
  { id: "draytek", match: /^DrayTek/i, roles: ["router", "firewall"], vendor: "DrayTek", grade: "business", weight: WEIGHT.medium, why: "DrayTek makes small-business routers with firewalls." },
  { id: "zyxel", match: /^Zyxel/i, roles: ["router", "switch", "access-point", "firewall"], vendor: "Zyxel", weight: WEIGHT.weak, why: "Zyxel makes both consumer routers and USG firewalls." },
  // --- consumer / ISP routers ---
  { id: "tp-link", match: /^Tp-?link/i, roles: ["router", "access-point", "switch", "iot"], vendor: "TP-Link", grade: "consumer", tags: ["consumer-router"], weight: WEIGHT.weak, why: "TP-Link makes home routers, access points, switches and smart plugs." },
  { id: "netgear", match: /^Netgear/i, roles: ["router", "access-point", "switch"], vendor: "Netgear", grade: "consumer", tags: ["consumer-router"], weight: WEIGHT.weak, why: "Netgear makes mostly home and small-office routers, APs and switches." },
  { id: "asus", match: /^Asustek/i, roles: ["router", "workstation"], vendor: "ASUS", grade: "consumer", tags: ["consumer-router"], weight: WEIGHT.hint, why: "ASUS makes home routers and PC mainboards." },
  { id: "d-link", match: /^D-Link/i, roles: ["router", "switch", "access-point", "camera"], vendor: "D-Link", grade: "consumer", tags: ["consumer-router"], weight: WEIGHT.weak, why: "D-Link makes home routers, switches and cameras." },
  { id: "arris", match: /^Arris/i, roles: ["router"], vendor: "Arris", grade: "consumer", tags: ["consumer-router", "isp-router"], weight: WEIGHT.medium, why: "Arris makes cable modems and ISP gateways." },
  { id: "technicolor", match: /^Technicolor/i, roles: ["router"], vendor: "Technicolor", grade: "consumer", tags: ["consumer-router", "isp-router"], weight: WEIGHT.medium, why: "Technicolor makes ISP-supplied gateways." },
  { id: "sagemcom", match: /^Sagemcom/i, roles: ["router"], vendor: "Sagemcom", grade: "consumer", tags: ["consumer-router", "isp-router"], weight: WEIGHT.medium, why: "Sagemcom makes ISP-supplied gateways." },
  { id: "avm", match: /^AVM (Audiovisuelles|GmbH)/i, roles: ["router"], vendor: "AVM (FRITZ!Box)", grade: "consumer", tags: ["consumer-router", "isp-router"], weight: WEIGHT.medium, why: "AVM makes FRITZ!Box home routers." },
  { id: "actiontec", match: /^Actiontec/i, roles: ["router"], vendor: "Actiontec", grade: "consumer", tags: ["consumer-router", "isp-router"], weight: WEIGHT.medium, why: "Actiontec makes ISP-supplied gateways." },
  { id: "zte", match: /^zte$/i, roles: ["router", "mobile"], vendor: "ZTE", grade: "consumer", tags: ["consumer-router", "isp-router"], weight: WEIGHT.weak, why: "ZTE makes ISP gateways and phones." },
  { id: "huawei", match: /^Huawei/i, roles: ["router", "mobile"], vendor: "Huawei", grade: "consumer", tags: ["consumer-router"], weight: WEIGHT.hint, why: "Huawei makes ISP gateways, switches and phones." },
  // --- storage ---
  { id: "synology", match: /^Synology/i, roles: ["nas"], vendor: "Synology", weight: WEIGHT.strong, why: "Synology makes NAS devices." },
  { id: "qnap", match: /^Qnap/i, roles: ["nas"], vendor: "QNAP", weight: WEIGHT.strong, why: "QNAP makes NAS devices." },
  // --- power ---
  { id: "apc", match: /^American Power Conversion/i, roles: ["ups"], vendor: "APC", tags: ["ups"], weight: WEIGHT.strong, why: "APC network cards sit in UPSes and PDUs." },
  { id: "eaton", match: /^Eaton/i, roles: ["ups"], vendor: "Eaton", tags: ["ups"], weight: WEIGHT.medium, why: "Eaton network cards sit in UPSes and PDUs." },
  { id: "cyberpower", match: /^CyberPower/i, roles: ["ups"], vendor: "CyberPower", tags: ["ups"], weight: WEIGHT.strong, why: "CyberPower network cards sit in UPSes and PDUs." },
  { id: "tripp-lite", match: /^Tripp Lite/i, roles: ["ups"], vendor: "Tripp Lite", tags: ["ups"], weight: WEIGHT.strong, why: "Tripp Lite network cards sit in UPSes and PDUs." },
  // --- printers ---
  { id: "brother", match: /^Brother industries/i, roles: ["printer"], vendor: "Brother", weight: WEIGHT.strong, why: "Brother network cards are printers and scanners." },
  { id: "canon", match: /^Canon$/i, roles: ["printer", "camera"], vendor: "Canon", weight: WEIGHT.medium, why: "Canon network cards are mostly printers." },
  { id: "epson", match: /^Seiko Epson/i, roles: ["printer"], vendor: "Epson", weight: WEIGHT.strong, why: "Epson network cards are printers and projectors." },
  { id: "xerox", match: /^Xerox$/i, roles: ["printer"], vendor: "Xerox", weight: WEIGHT.strong, why: "Xerox network cards are printers and copiers." },
  { id: "ricoh", match: /^Ricoh/i, roles: ["printer"], vendor: "Ricoh", weight: WEIGHT.strong, why: "Ricoh network cards are printers and copiers." },
  { id: "kyocera", match: /^Kyocera( Document)?/i, roles: ["printer"], vendor: "Kyocera", weight: WEIGHT.medium, why: "Kyocera network cards are mostly printers and copiers." },
  { id: "lexmark", match: /^Lexmark/i, roles: ["printer"], vendor: "Lexmark", weight: WEIGHT.strong, why: "Lexmark makes printers." },
  { id: "konica-minolta", match: /^Konica Minolta/i, roles: ["printer"], vendor: "Konica Minolta", weight: WEIGHT.strong, why: "Konica Minolta network cards are copiers/printers." },
  { id: "sharp", match: /^Sharp$/i, roles: ["printer"], vendor: "Sharp", weight: WEIGHT.weak, why: "Sharp network cards are mostly copiers." },
  { id: "hp", match: /^Hewlett Packard$/i, roles: [], vendor: "HP", weight: WEIGHT.hint, why: "HP makes PCs, laptops and printers: the vendor alone decides nothing." },
  { id: "hpe", match: /^Hewlett Packard Enterprise/i, roles: ["server", "switch"], vendor: "HPE", weight: WEIGHT.hint, why: "HPE makes servers (iLO) and switches." },
  // --- cameras ---
  { id: "hikvision", match: /Hikvision/i, roles: ["camera"], vendor: "Hikvision", weight: WEIGHT.strong, why: "Hikvision makes IP cameras and recorders." },
  { id: "dahua", match: /Dahua/i, roles: ["camera"], vendor: "Dahua", weight: WEIGHT.strong, why: "Dahua makes IP cameras and recorders." },
  { id: "axis", match: /^Axis Communications/i, roles: ["camera"], vendor: "Axis", weight: WEIGHT.strong, why: "Axis makes IP cameras." },
  { id: "hanwha", match: /^Hanwha/i, roles: ["camera"], vendor: "Hanwha", weight: WEIGHT.strong, why: "Hanwha Techwin makes IP cameras." },
  { id: "reolink", match: /^Reolink/i, roles: ["camera"], vendor: "Reolink", weight: WEIGHT.strong, why: "Reolink makes IP cameras." },
  // --- phones ---
  { id: "polycom", match: /^Polycom/i, roles: ["phone"], vendor: "Polycom", weight: WEIGHT.strong, why: "Polycom makes IP desk and conference phones." },
  { id: "yealink", match: /Yealink/i, roles: ["phone"], vendor: "Yealink", weight: WEIGHT.strong, why: "Yealink makes IP phones." },
  { id: "grandstream", match: /^Grandstream/i, roles: ["phone"], vendor: "Grandstream", weight: WEIGHT.strong, why: "Grandstream makes IP phones and VoIP adapters." },
  { id: "snom", match: /^snom/i, roles: ["phone"], vendor: "Snom", weight: WEIGHT.strong, why: "Snom makes IP phones." },
  { id: "avaya", match: /^Avaya/i, roles: ["phone"], vendor: "Avaya", weight: WEIGHT.medium, why: "Avaya network cards are mostly IP phones." },
  { id: "mitel", match: /^Mitel/i, roles: ["phone"], vendor: "Mitel", weight: WEIGHT.medium, why: "Mitel makes IP phones and PBXs." },
  // --- virtual machines ---
  { id: "vmware-vm", match: /^VMware/i, roles: ["server"], vendor: "VMware (virtual machine)", weight: WEIGHT.hint, why: "A VMware virtual NIC: a virtual machine, in small offices usually a server." },
  { id: "hyper-v-vm", match: /^Microsoft$/i, roles: ["server"], vendor: "Microsoft (Hyper-V virtual machine)", weight: WEIGHT.hint, why: "Microsoft's OUI is used by Hyper-V virtual NICs (and Surface devices)." },
  { id: "qemu-vm", match: /^QEMU/i, roles: ["server"], vendor: "QEMU/KVM (virtual machine)", weight: WEIGHT.hint, why: "A QEMU/KVM virtual NIC (Proxmox and others)." },
  { id: "xen-vm", match: /^Xensource/i, roles: ["server"], vendor: "Xen (virtual machine)", weight: WEIGHT.hint, why: "A Xen virtual NIC." },
  { id: "supermicro", match: /^Super Micro/i, roles: ["server"], vendor: "Supermicro", weight: WEIGHT.weak, why: "Supermicro makes server boards." },
  // --- IoT and personal devices ---
  { id: "raspberry-pi", match: /^Raspberry Pi/i, roles: ["iot"], vendor: "Raspberry Pi", weight: WEIGHT.weak, why: "A Raspberry Pi: a small board computer, often an appliance." },
  { id: "espressif", match: /^Espressif/i, roles: ["iot"], vendor: "Espressif", weight: WEIGHT.strong, why: "Espressif Wi-Fi chips are in smart plugs, sensors and gadgets." },
  { id: "sonos", match: /^Sonos/i, roles: ["iot"], vendor: "Sonos", weight: WEIGHT.strong, why: "Sonos makes speakers." },
  { id: "roku", match: /^Roku/i, roles: ["iot"], vendor: "Roku", weight: WEIGHT.strong, why: "Roku makes streaming players." },
  { id: "amazon", match: /^Amazon Technologies/i, roles: ["iot"], vendor: "Amazon", weight: WEIGHT.medium, why: "Amazon devices (Echo, Fire TV, Ring)." },
  { id: "google", match: /^Google$/i, roles: ["iot", "mobile"], vendor: "Google", weight: WEIGHT.weak, why: "Google devices (Nest, Chromecast, Pixel)." },
  { id: "samsung", match: /^Samsung Electro/i, roles: ["mobile", "iot"], vendor: "Samsung", weight: WEIGHT.weak, why: "Samsung network cards are mostly phones, tablets and TVs." },
  { id: "apple", match: /^Apple$/i, roles: [], vendor: "Apple", weight: WEIGHT.hint, why: "Apple makes Macs, iPhones and iPads: the vendor alone decides nothing." },
  { id: "dell", match: /^Dell/i, roles: [], vendor: "Dell", weight: WEIGHT.hint, why: "Dell makes PCs, laptops and servers: the vendor alone decides nothing." },
  { id: "lenovo", match: /Lenovo/i, roles: [], vendor: "Lenovo", weight: WEIGHT.hint, why: "Lenovo makes PCs, laptops, servers and phones." },
  { id: "intel", match: /^Intel Corporate|^Intel$/i, roles: [], vendor: "Intel", weight: WEIGHT.hint, why: "An Intel network chip: in PCs, laptops and servers alike." },
  { id: "realtek", match: /^Realtek/i, roles: [], vendor: "Realtek", weight: WEIGHT.hint, why: "A Realtek network chip: in PCs and many appliances." },
];
