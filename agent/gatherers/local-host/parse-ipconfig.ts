export interface IpconfigSummary {
  hostname?: string;
  primaryDnsSuffix?: string;
  searchList: string[];
  dnsServers: string[];
  gateways: string[];
}

const IPV4 = /\b(\d{1,3}(?:\.\d{1,3}){3})\b/;

/**
 * `ipconfig /all` (English Windows). Labels are "Name . . . . : value"; list values continue on
 * following indented lines that carry no label.
 */
export function parseIpconfigAll(text: string): IpconfigSummary {
  const summary: IpconfigSummary = { searchList: [], dnsServers: [], gateways: [] };
  let current: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const labelled = /^\s+([A-Za-z][A-Za-z0-9 .-]*?)[ .]*:\s?(.*)$/.exec(line);
    let label: string | undefined;
    let value: string;
    if (labelled && /\. \./.test(line)) {
      label = labelled[1]?.trim().toLowerCase();
      value = labelled[2]?.trim() ?? "";
      current = label;
    } else if (/^\s{20,}\S/.test(line) && current) {
      label = current;
      value = line.trim();
    } else {
      current = undefined;
      continue;
    }
    if (!value) continue;
    if (label === "host name") summary.hostname = value;
    else if (label === "primary dns suffix") summary.primaryDnsSuffix = value.toLowerCase();
    else if (label === "dns suffix search list") summary.searchList.push(value.toLowerCase());
    else if (label === "dns servers") {
      const ip = IPV4.exec(value)?.[1];
      if (ip) summary.dnsServers.push(ip);
    } else if (label === "default gateway") {
      const ip = IPV4.exec(value)?.[1];
      if (ip) summary.gateways.push(ip);
    }
  }
  summary.searchList = [...new Set(summary.searchList)];
  summary.dnsServers = [...new Set(summary.dnsServers)];
  summary.gateways = [...new Set(summary.gateways)];
  return summary;
}
