import { Client } from "ldapts";
import type { Domain } from "../../../schema/audit.js";
import { cleanDomainName, cleanText, dnsNameFromDn } from "../shared/text.js";
import { withTimeLimit } from "../shared/time-limit.js";
import { functionalLevelName } from "./functional-level.js";

export const ROOT_DSE_ATTRIBUTES = [
  "defaultNamingContext",
  "rootDomainNamingContext",
  "dnsHostName",
  "domainFunctionality",
  "forestFunctionality",
  "domainControllerFunctionality",
  "serverName",
  "ldapServiceName",
  "supportedLDAPVersion",
  "isGlobalCatalogReady",
] as const;

export type RootDse = Partial<Record<(typeof ROOT_DSE_ATTRIBUTES)[number], string>>;

/** Anonymous read of one server's rootDSE (base "", scope base). Rejects on timeout or refusal. */
export async function readRootDse(
  ip: string,
  options: { port?: number; timeoutMs: number; signal?: AbortSignal },
): Promise<RootDse> {
  const client = new Client({
    url: `ldap://${ip}:${options.port ?? 389}`,
    timeout: options.timeoutMs,
    connectTimeout: options.timeoutMs,
  });
  const work = (async () => {
    try {
      const { searchEntries } = await client.search("", {
        scope: "base",
        filter: "(objectClass=*)",
        attributes: [...ROOT_DSE_ATTRIBUTES],
      });
      return flattenEntry(searchEntries[0] ?? {});
    } finally {
      await client.unbind().catch(() => undefined);
    }
  })();
  return withTimeLimit(work, options.timeoutMs * 2, `LDAP rootDSE of ${ip}`, options.signal, () => {
    void client.unbind().catch(() => undefined);
  });
}

function flattenEntry(entry: Record<string, unknown>): RootDse {
  const out: Record<string, string> = {};
  for (const wanted of ROOT_DSE_ATTRIBUTES) {
    const key = Object.keys(entry).find((k) => k.toLowerCase() === wanted.toLowerCase());
    if (!key) continue;
    const value = entry[key];
    const first = Array.isArray(value)
      ? value.map(String).join(",")
      : value === undefined
        ? ""
        : String(value);
    if (first) out[wanted] = cleanText(first, 512);
  }
  return out;
}

/** What one rootDSE tells about its domain; undefined when it is no Active Directory-style DSA. */
export function domainFromRootDse(rootDse: RootDse, ip: string, port = 389): Domain | undefined {
  const dnsName = rootDse.defaultNamingContext ? dnsNameFromDn(rootDse.defaultNamingContext) : undefined;
  if (!dnsName) return undefined;
  const hostname = rootDse.dnsHostName ? cleanDomainName(rootDse.dnsHostName) : undefined;
  return {
    dnsName,
    controllers: [{ hostname, ip, port, source: "ldap-rootdse" }],
    functionalLevel: functionalLevelName(rootDse.domainFunctionality),
    forestFunctionalLevel: functionalLevelName(rootDse.forestFunctionality),
    domainControllerFunctionality: functionalLevelName(rootDse.domainControllerFunctionality),
    namingContext: rootDse.defaultNamingContext,
    forestName: rootDse.rootDomainNamingContext ? dnsNameFromDn(rootDse.rootDomainNamingContext) : undefined,
    sources: ["ldap-rootdse"],
  };
}
