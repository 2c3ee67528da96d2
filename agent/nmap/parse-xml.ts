import { XMLParser, XMLValidator } from "fast-xml-parser";
import {
  type AuditWarning,
  type Host,
  type HostInput,
  HostSchema,
  type NmapRun,
  type Service,
  ServiceSchema,
} from "../../schema/audit.js";
import { NotNmapXmlError } from "./not-nmap-xml-error.js";
import { scriptsOf } from "./xml-script-data.js";
import { netbiosFromNbstat, tlsFromSslCert } from "./xml-script-facts.js";
import { notNmapXmlReason, recoverTruncated } from "./xml-sniff.js";
import { StringCap } from "./xml-string-cap.js";
import { attr, child, children, epochAttr, numberAttr, textOf, type XmlNode } from "./xml-tree.js";

export interface NmapParseResult {
  run: NmapRun;
  hosts: Host[];
  warnings: AuditWarning[];
}

const WARNING_SOURCE = "nmap";
const PROTOCOLS = new Set(["tcp", "udp", "sctp", "ip"]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  // Keep every value as nmap wrote it: "08" stays "08", a banner keeps its leading spaces.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
  // Every element is an array, so one host and a thousand hosts read the same way.
  isArray: (_name, _jpath, _isLeaf, isAttribute) => !isAttribute,
});

/**
 * nmap's XML (-oX) → the run's facts, fully-defaulted Hosts (valid under HostSchema) and warnings.
 * Pure: no I/O. Throws only NotNmapXmlError. Hosts nmap reported as down are left out (the runstats
 * still count them). `origin` names the file or scan phase in the run and in warnings.
 */
export function parseNmapXml(xml: string, origin?: string): NmapParseResult {
  const reason = notNmapXmlReason(xml);
  if (reason) throw new NotNmapXmlError(reason);
  const recovered = recoverTruncated(xml);
  const prefix = origin ? `${origin}: ` : "";
  const warnings: AuditWarning[] = [];

  let document: XmlNode;
  try {
    document = parser.parse(recovered.xml) as XmlNode;
  } catch (error) {
    throw new NotNmapXmlError(`unreadable XML: ${firstLine(error)}`);
  }
  const root = child(document, "nmaprun");
  if (!root) {
    const name = Object.keys(document).find((key) => !key.startsWith("?") && !key.startsWith("#"));
    if (name) throw new NotNmapXmlError(`XML whose root is <${name}>, not <nmaprun>`);
    if (recovered.truncated) throw new NotNmapXmlError("the file ends before nmap's header is complete");
    throw new NotNmapXmlError("XML without an <nmaprun> element");
  }
  const valid = XMLValidator.validate(recovered.xml);
  if (valid !== true) {
    warnings.push({
      source: WARNING_SOURCE,
      message: `${prefix}the XML is malformed at line ${valid.err.line} (${valid.err.msg}); kept what could be read`,
    });
  }

  try {
    const cap = new StringCap();
    const run = parseRun(root, origin, cap);
    if (recovered.truncated) {
      run.truncated = true;
      const dropped = recovered.incompleteHostSeen
        ? `; the host being scanned${recovered.incompleteHost ? ` (${recovered.incompleteHost})` : ""} was incomplete and left out`
        : "";
      warnings.push({
        source: WARNING_SOURCE,
        message: `${prefix}the scan was interrupted (the file ends without </nmaprun>): kept ${plural(children(root, "host").length, "complete host")}${dropped}`,
      });
    }
    const exit = run.runstats?.exit;
    if (exit && exit !== "success") {
      const message = attr(child(child(root, "runstats"), "finished"), "errormsg");
      warnings.push({
        source: WARNING_SOURCE,
        message: `${prefix}nmap ended with "${exit}"${message ? `: ${message}` : ""}`,
      });
    }

    const hosts: Host[] = [];
    for (const node of children(root, "host")) {
      const host = parseHost(node, cap, warnings, prefix);
      if (host) hosts.push(host);
    }
    warnings.push(...cap.warnings(WARNING_SOURCE, prefix));
    return { run, hosts, warnings };
  } catch (error) {
    // A shape no nmap writes (hand-edited, fuzzed): still one clean error for the caller.
    throw new NotNmapXmlError(`unexpected content: ${firstLine(error)}`);
  }
}

// --- internal ---

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function firstLine(error: unknown): string {
  return ((error as Error)?.message ?? String(error)).split("\n")[0] ?? "error";
}

function parseRun(root: XmlNode, origin: string | undefined, cap: StringCap): NmapRun {
  const text = (value: string | undefined, where: string) =>
    value === undefined ? undefined : cap.cap(value, where);
  const finished = child(child(root, "runstats"), "finished");
  const hostCounts = child(child(root, "runstats"), "hosts");
  const run: NmapRun = {
    version: attr(root, "version"),
    args: text(attr(root, "args"), "the nmap command line"),
    scanner: attr(root, "scanner"),
    startedAt: epochAttr(root, "start"),
    finishedAt: epochAttr(finished, "time"),
    origin,
    scanInfo: children(root, "scaninfo").map((info) => ({
      type: attr(info, "type") ?? "",
      protocol: attr(info, "protocol") ?? "",
      numServices: numberAttr(info, "numservices") ?? 0,
      services: text(attr(info, "services"), "scaninfo services") ?? "",
    })),
  };
  if (finished || hostCounts) {
    run.runstats = {
      exit: attr(finished, "exit"),
      elapsedSeconds: numberAttr(finished, "elapsed"),
      summary: text(attr(finished, "summary"), "runstats summary"),
      hostsUp: numberAttr(hostCounts, "up"),
      hostsDown: numberAttr(hostCounts, "down"),
      hostsTotal: numberAttr(hostCounts, "total"),
    };
  }
  return dropUndefined(run);
}

function parseHost(
  node: XmlNode,
  cap: StringCap,
  warnings: AuditWarning[],
  prefix: string,
): Host | undefined {
  let ipv4: string | undefined;
  const ipv6: string[] = [];
  let mac: string | undefined;
  let vendor: string | undefined;
  for (const address of children(node, "address")) {
    const addr = attr(address, "addr");
    if (!addr) continue;
    const type = attr(address, "addrtype");
    if (type === "ipv4" && !ipv4) ipv4 = addr;
    else if (type === "ipv6") ipv6.push(addr);
    else if (type === "mac") {
      mac = addr;
      vendor = attr(address, "vendor");
    }
  }
  const ip = ipv4 ?? ipv6[0];
  if (!ip) {
    warnings.push({ source: WARNING_SOURCE, message: `${prefix}a host without an IP address was left out` });
    return undefined;
  }
  const status = child(node, "status");
  const state = attr(status, "state") ?? "unknown";
  if (state === "down") return undefined;

  const where = (what: string) => `host ${ip} ${what}`;
  const str = (value: string | undefined, what: string) =>
    value === undefined ? undefined : cap.cap(value, where(what), ip);

  const draft: HostInput = {
    ip: cap.cap(ip, "host address"),
    ipv6,
    mac,
    vendor: str(vendor, "MAC vendor"),
    hostnames: children(child(node, "hostnames"), "hostname").flatMap((hostname) => {
      const name = attr(hostname, "name");
      return name
        ? [{ name: cap.cap(name, where("hostname"), ip), type: attr(hostname, "type") ?? "PTR" }]
        : [];
    }),
    status: dropUndefined({
      state,
      reason: attr(status, "reason"),
      reasonTtl: numberAttr(status, "reason_ttl"),
    }),
    sources: ["nmap"],
    startedAt: epochAttr(node, "starttime"),
    finishedAt: epochAttr(node, "endtime"),
  };
  if (attr(node, "timedout") === "true") {
    draft.timedOut = true;
    warnings.push({
      source: WARNING_SOURCE,
      message: `${prefix}nmap's per-host time limit cut the scan of ${ip} short`,
      host: ip,
    });
  }

  const ports = child(node, "ports");
  const services: Service[] = [];
  for (const port of children(ports, "port")) {
    const service = parsePort(port, cap, ip, warnings, prefix);
    if (service) services.push(service);
  }
  draft.services = services;
  draft.extraPorts = children(ports, "extraports").map((extra) => ({
    state: attr(extra, "state") ?? "unknown",
    count: numberAttr(extra, "count") ?? 0,
  }));
  const hostScripts = scriptsOf(child(node, "hostscript"), cap, where("host"), ip);
  draft.scripts = hostScripts;
  draft.tls = services.flatMap((service) => {
    const cert = tlsFromSslCert(service.port, service.scripts["ssl-cert"]);
    return cert ? [cert] : [];
  });
  const netbios = netbiosFromNbstat(hostScripts.nbstat);
  if (netbios) {
    draft.netbios = netbios;
    if (netbios.name) draft.hostnames?.push({ name: netbios.name, type: "netbios" });
  }

  const os = child(node, "os");
  if (os) {
    draft.os = {
      matches: children(os, "osmatch").map((match) =>
        dropUndefined({
          name: str(attr(match, "name"), "OS match") ?? "",
          accuracy: numberAttr(match, "accuracy") ?? 0,
          line: numberAttr(match, "line"),
          classes: children(match, "osclass").map((osclass) =>
            dropUndefined({
              type: attr(osclass, "type"),
              vendor: attr(osclass, "vendor"),
              family: attr(osclass, "osfamily"),
              generation: attr(osclass, "osgen"),
              accuracy: numberAttr(osclass, "accuracy"),
              cpe: cpesOf(osclass, cap, ip),
            }),
          ),
        }),
      ),
      portsUsed: children(os, "portused").map((used) => ({
        state: attr(used, "state") ?? "",
        protocol: attr(used, "proto") ?? "",
        port: numberAttr(used, "portid") ?? 0,
      })),
      fingerprint: str(attr(child(os, "osfingerprint"), "fingerprint"), "OS fingerprint"),
    };
  }
  const uptime = child(node, "uptime");
  const seconds = numberAttr(uptime, "seconds");
  if (seconds !== undefined) draft.uptime = dropUndefined({ seconds, lastBoot: attr(uptime, "lastboot") });
  draft.distance = numberAttr(child(node, "distance"), "value");
  const times = child(node, "times");
  const srtt = numberAttr(times, "srtt");
  if (srtt !== undefined) {
    draft.times = { srtt, rttvar: numberAttr(times, "rttvar") ?? 0, to: numberAttr(times, "to") ?? 0 };
    draft.latencyMs = srtt / 1000; // nmap's srtt is in microseconds
  }

  const parsed = HostSchema.safeParse(dropUndefined(draft));
  if (!parsed.success) {
    warnings.push({
      source: WARNING_SOURCE,
      message: `${prefix}host ${ip} left out: ${parsed.error.issues[0]?.message}`,
      host: ip,
    });
    return undefined;
  }
  return parsed.data;
}

function parsePort(
  port: XmlNode,
  cap: StringCap,
  ip: string,
  warnings: AuditWarning[],
  prefix: string,
): Service | undefined {
  const number = numberAttr(port, "portid");
  const protocol = attr(port, "protocol") ?? "";
  if (
    number === undefined ||
    !Number.isInteger(number) ||
    number < 0 ||
    number > 65535 ||
    !PROTOCOLS.has(protocol)
  ) {
    warnings.push({
      source: WARNING_SOURCE,
      message: `${prefix}host ${ip}: port "${attr(port, "portid")}/${protocol}" is not a valid port; left out`,
      host: ip,
    });
    return undefined;
  }
  const where = `host ${ip} port ${number}/${protocol}`;
  const str = (value: string | undefined, what: string) =>
    value === undefined ? undefined : cap.cap(value, `${where} ${what}`, ip);
  const state = child(port, "state");
  const service = child(port, "service");
  const parsed = ServiceSchema.safeParse(
    dropUndefined({
      port: number,
      protocol,
      state: attr(state, "state") ?? "unknown",
      reason: attr(state, "reason"),
      reasonTtl: numberAttr(state, "reason_ttl"),
      name: str(attr(service, "name"), "service name"),
      product: str(attr(service, "product"), "product"),
      version: str(attr(service, "version"), "version"),
      extraInfo: str(attr(service, "extrainfo"), "extrainfo"),
      tunnel: attr(service, "tunnel"),
      method: attr(service, "method"),
      confidence: numberAttr(service, "conf"),
      osType: str(attr(service, "ostype"), "ostype"),
      deviceType: str(attr(service, "devicetype"), "devicetype"),
      hostname: str(attr(service, "hostname"), "service hostname"),
      serviceFp: str(attr(service, "servicefp"), "service fingerprint"),
      cpe: cpesOf(service, cap, ip),
      scripts: scriptsOf(port, cap, where, ip),
    }),
  );
  if (!parsed.success) {
    warnings.push({
      source: WARNING_SOURCE,
      message: `${prefix}${where} left out: ${parsed.error.issues[0]?.message}`,
      host: ip,
    });
    return undefined;
  }
  return parsed.data;
}

function cpesOf(node: XmlNode | undefined, cap: StringCap, ip: string): string[] {
  return children(node, "cpe")
    .map((cpe) => cap.cap(textOf(cpe).trim(), `host ${ip} CPE`, ip))
    .filter(Boolean);
}

/** Optional fields stay absent rather than present-and-undefined (cleaner JSON, exact equality in tests). */
function dropUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}
