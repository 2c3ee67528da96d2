import { type NetbiosSuffixSignature, WEIGHT } from "./signature-types.js";

/**
 * NetBIOS name suffixes from nbstat → roles. <1C> (group) is registered by every domain
 * controller for its domain; <1B> by the PDC emulator. <20> is the file/print server service,
 * which every Windows PC with sharing on also registers, so it is only a hint.
 */
export const NETBIOS_SUFFIX_SIGNATURES: NetbiosSuffixSignature[] = [
  { id: "domain-controllers-1c", suffix: "1c", group: true, roles: ["domain-controller"], weight: WEIGHT.decisive, why: "The host registers <1C>: the domain controllers group of its domain." },
  { id: "domain-master-browser-1b", suffix: "1b", group: false, roles: ["domain-controller"], weight: WEIGHT.strong, why: "The host registers <1B>: the domain master browser (the PDC emulator)." },
  { id: "file-service-20", suffix: "20", group: false, roles: ["workstation", "file-server"], weight: WEIGHT.hint, why: "The host registers <20>: the file and print sharing service." },
];
