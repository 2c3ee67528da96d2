import { PORT_SIGNATURES } from "../signatures/port-signatures.js";
import type { PortSignature } from "../signatures/signature-types.js";
import { insertAscendingOnce } from "./sorted-insert.js";

/**
 * The port signatures a host can possibly match, in signature order. A signature needs its first
 * allOf port open, or (with no allOf) one of its anyOf ports: so only signatures triggered by one
 * of the host's open ports are tested, a handful instead of every signature for every host.
 */
export function portSignatureCandidates(openPorts: ReadonlySet<string>): PortSignature[] {
  const { byPort, always } = triggerIndex();
  const indexes = always.slice();
  // forEach and indexed loops: this runs once per host, mostly interpreted, where every for…of
  // step allocates.
  openPorts.forEach((port) => {
    const triggered = byPort.get(port);
    if (!triggered) return;
    for (let i = 0; i < triggered.length; i++) insertAscendingOnce(indexes, triggered[i]!);
  });
  const candidates: PortSignature[] = [];
  for (let i = 0; i < indexes.length; i++) candidates.push(PORT_SIGNATURES[indexes[i]!]!);
  return candidates;
}

interface TriggerIndex {
  byPort: Map<string, number[]>;
  /** Signatures with no port to wait for (no allOf, no anyOf): tested on every host. */
  always: number[];
}

let index: TriggerIndex | undefined;

function triggerIndex(): TriggerIndex {
  if (index) return index;
  const built: TriggerIndex = { byPort: new Map(), always: [] };
  for (const [position, signature] of PORT_SIGNATURES.entries()) {
    const triggers = signature.allOf.length > 0 ? signature.allOf.slice(0, 1) : (signature.anyOf ?? []);
    if (triggers.length === 0) built.always.push(position);
    for (const port of triggers) {
      const list = built.byPort.get(port) ?? [];
      if (!list.includes(position)) list.push(position);
      built.byPort.set(port, list);
    }
  }
  index = built;
  return built;
}
