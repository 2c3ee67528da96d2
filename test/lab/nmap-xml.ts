import { XMLParser } from "fast-xml-parser";

/**
 * Just enough of nmap's XML for the lab's own checks (the agent has its full parser in
 * agent/nmap/parse-xml.ts; the lab tests stay independent of it on purpose).
 */
export interface LabScanHost {
  ip: string;
  mac?: string;
  vendor?: string;
  ports: { port: number; protocol: string; state: string; service?: string; product?: string }[];
  /** Script id → output, from port and host scripts alike (several ports: joined by newlines). */
  scripts: Record<string, string>;
}

type Node = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  htmlEntities: true,
  isArray: (name) => ["host", "address", "port", "script", "hostscript"].includes(name),
});

function arr(v: unknown): Node[] {
  return Array.isArray(v) ? (v as Node[]) : v ? [v as Node] : [];
}

export function parseLabScan(xml: string): LabScanHost[] {
  const doc = parser.parse(xml) as Node;
  const run = doc.nmaprun as Node | undefined;
  if (!run) throw new Error(`not nmap XML: ${xml.slice(0, 200)}`);
  return arr(run.host)
    .filter((h) => (h.status as Node | undefined)?.state === "up")
    .map((h) => {
      const addrs = arr(h.address);
      const ip = String(addrs.find((a) => a.addrtype === "ipv4")?.addr ?? "");
      const macAddr = addrs.find((a) => a.addrtype === "mac");
      const scripts: Record<string, string> = {};
      const addScripts = (list: Node[]) => {
        for (const s of list) {
          const id = String(s.id);
          scripts[id] = scripts[id] ? `${scripts[id]}\n${String(s.output)}` : String(s.output);
        }
      };
      const ports = arr((h.ports as Node | undefined)?.port).map((p) => {
        addScripts(arr(p.script));
        const svc = p.service as Node | undefined;
        return {
          port: Number(p.portid),
          protocol: String(p.protocol),
          state: String((p.state as Node).state),
          service: svc?.name as string | undefined,
          product: svc?.product as string | undefined,
        };
      });
      for (const hs of arr(h.hostscript)) addScripts(arr(hs.script));
      return {
        ip,
        mac: macAddr ? String(macAddr.addr).toLowerCase() : undefined,
        vendor: macAddr?.vendor as string | undefined,
        ports,
        scripts,
      };
    });
}

export function openPorts(h: LabScanHost | undefined): string[] {
  return (h?.ports ?? []).filter((p) => p.state === "open").map((p) => `${p.port}/${p.protocol}`);
}
