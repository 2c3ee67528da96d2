import { createHash } from "node:crypto";
import type { Netbios, ScriptData, ScriptResult, TlsCert } from "../../schema/audit.js";

/** Reads from NSE structured data without trusting its shape (it comes from the network). */
export function field(data: ScriptData | undefined, ...path: string[]): ScriptData | undefined {
  let current = data;
  for (const key of path) {
    if (current === undefined || typeof current !== "object" || Array.isArray(current)) return undefined;
    const match = Object.keys(current).find((k) => k.toLowerCase() === key.toLowerCase());
    current = match === undefined ? undefined : current[match];
  }
  return current;
}

export function stringField(data: ScriptData | undefined, ...path: string[]): string | undefined {
  const value = field(data, ...path);
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

function known(value: string | undefined): string | undefined {
  return value === undefined || /^<?unknown>?$/i.test(value.trim()) ? undefined : value;
}

/** nbstat's NetBIOS name, user, MAC and name table. Suffix as two hex digits; group = flag 0x8000. */
export function netbiosFromNbstat(script: ScriptResult | undefined): Netbios | undefined {
  if (!script?.data) return undefined;
  const data = script.data;
  const netbios: Netbios = { names: [] };
  const name = known(stringField(data, "server_name")) ?? known(stringField(data, "workstation_name"));
  if (name) netbios.name = name;
  const user = known(stringField(data, "user"));
  if (user) netbios.user = user;
  const mac = known(stringField(data, "mac", "address")) ?? known(stringField(data, "mac"));
  if (mac) netbios.mac = mac;
  const names = field(data, "names");
  const list = Array.isArray(names) ? names : names && typeof names === "object" ? Object.values(names) : [];
  for (const entry of list) {
    const entryName = stringField(entry, "name");
    const suffix = Number(stringField(entry, "suffix"));
    const flags = Number(stringField(entry, "flags"));
    if (entryName === undefined || !Number.isInteger(suffix)) continue;
    netbios.names.push({
      name: entryName,
      suffix: suffix.toString(16).padStart(2, "0"),
      group: Number.isInteger(flags) && (flags & 0x8000) !== 0,
    });
  }
  if (!netbios.name && !netbios.user && !netbios.mac && netbios.names.length === 0) return undefined;
  return netbios;
}

/** "commonName=x/organizationName=y" as nmap prints it (certificate order), else from the table. */
function distinguishedName(script: ScriptResult, key: "subject" | "issuer"): string | undefined {
  const label = key === "subject" ? "Subject" : "Issuer";
  const line = new RegExp(`^${label}: (.*)$`, "m").exec(script.output)?.[1]?.trim();
  if (line) return line;
  const table = field(script.data, key);
  if (!table || typeof table !== "object" || Array.isArray(table)) return undefined;
  const parts = Object.entries(table)
    .filter(([, value]) => typeof value === "string")
    .map(([k, value]) => `${k}=${value as string}`);
  return parts.length ? parts.join("/") : undefined;
}

/** The SHA-256 of the certificate: nmap's own when it gives one, else computed from its PEM. */
function sha256Of(data: ScriptData | undefined): string | undefined {
  const given = stringField(data, "sha256");
  if (given) return given.toLowerCase().replace(/[^0-9a-f]/g, "");
  const pem = stringField(data, "pem");
  const body = pem && /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(pem)?.[1];
  if (!body) return undefined;
  const der = Buffer.from(body.replace(/\s+/g, ""), "base64");
  return der.length ? createHash("sha256").update(der).digest("hex") : undefined;
}

/** ssl-cert's certificate summary for one port. */
export function tlsFromSslCert(port: number, script: ScriptResult | undefined): TlsCert | undefined {
  if (!script || (!script.data && !script.output.trim())) return undefined;
  const cert: TlsCert = { port };
  const subject = distinguishedName(script, "subject");
  const issuer = distinguishedName(script, "issuer");
  if (subject) cert.subject = subject;
  if (issuer) cert.issuer = issuer;
  if (subject && issuer) cert.selfSigned = subject === issuer;
  const notBefore = stringField(script.data, "validity", "notBefore");
  const notAfter = stringField(script.data, "validity", "notAfter");
  if (notBefore) cert.notBefore = notBefore;
  if (notAfter) cert.notAfter = notAfter;
  const keyType = stringField(script.data, "pubkey", "type");
  if (keyType) cert.keyType = keyType;
  const bits = Number(stringField(script.data, "pubkey", "bits"));
  if (Number.isFinite(bits) && bits > 0) cert.keyBits = bits;
  const sha256 = sha256Of(script.data);
  if (sha256) cert.sha256 = sha256;
  return cert;
}
