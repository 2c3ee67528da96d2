export interface ResolverConfig {
  nameservers: string[];
  /** `domain`, else the first `search` entry. */
  searchDomain?: string;
  searchList: string[];
}

/** /etc/resolv.conf (Linux, macOS). The last `domain`/`search` line wins, as in the resolver. */
export function parseResolvConf(text: string): ResolverConfig {
  const nameservers: string[] = [];
  let domain: string | undefined;
  let searchList: string[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/[#;].*$/, "").trim();
    const [keyword, ...values] = line.split(/\s+/);
    if (keyword === "nameserver" && values[0]) nameservers.push(values[0].replace(/%.*$/, ""));
    else if (keyword === "domain" && values[0]) {
      domain = values[0];
      searchList = [];
    } else if (keyword === "search" && values.length > 0) {
      searchList = values;
      domain = undefined;
    }
  }
  const searchDomain = (domain ?? searchList[0])?.replace(/\.$/, "").toLowerCase();
  return { nameservers: [...new Set(nameservers)], searchDomain, searchList };
}
