import { RememberedLookup } from "../remembered-lookups.js";

/**
 * End-of-life dates of operating systems, from each vendor's published lifecycle (the date
 * security updates stop without a paid extension such as Microsoft ESU). "Ending soon" means
 * within ENDING_SOON_MONTHS of the audit date.
 */
export const ENDING_SOON_MONTHS = 12;

export interface EolEntry {
  product: string;
  /** Tested against the device's OS description; the first matching entry wins. */
  match: RegExp;
  /** YYYY-MM-DD, or undefined when the vendor has announced no date. */
  endOfLife?: string;
  source: string;
}

const MS_CLIENT = "https://learn.microsoft.com/lifecycle/products/?terms=Windows";
const MS_W10 = "https://learn.microsoft.com/lifecycle/products/windows-10-home-and-pro";
const MS_W10_LTSC = "https://learn.microsoft.com/windows/release-health/release-information";
const MS_W11 = "https://learn.microsoft.com/windows/release-health/windows11-release-information";
const MS_SERVER = "https://learn.microsoft.com/windows/release-health/windows-server-release-info";
const APPLE = "https://endoflife.date/macos";
const DEBIAN = "https://wiki.debian.org/LTS";
const UBUNTU = "https://wiki.ubuntu.com/Releases";
const RHEL = "https://access.redhat.com/support/policy/updates/errata";
const CENTOS = "https://www.centos.org/centos-linux-eol/";
const VMWARE = "https://support.broadcom.com/group/ecx/productlifecycle";

const ENTERPRISE = /Enterprise|Education/i;

export const EOL_TABLE: EolEntry[] = [
  // --- Windows Server (extended support end) ---
  { product: "Windows Server 2025", match: /Windows Server(?: \(R\))? 2025/i, endOfLife: "2034-10-10", source: MS_SERVER },
  { product: "Windows Server 2022", match: /Windows Server(?: \(R\))? 2022/i, endOfLife: "2031-10-14", source: MS_SERVER },
  { product: "Windows Server 2019", match: /Windows Server(?: \(R\))? 2019/i, endOfLife: "2029-01-09", source: MS_SERVER },
  { product: "Windows Server 2016", match: /Windows Server(?: \(R\))? 2016/i, endOfLife: "2027-01-12", source: MS_SERVER },
  { product: "Windows Server 2012 R2", match: /Windows Server(?: \(R\))? 2012 R2/i, endOfLife: "2023-10-10", source: "https://learn.microsoft.com/lifecycle/products/windows-server-2012-r2" },
  { product: "Windows Server 2012", match: /Windows Server(?: \(R\))? 2012/i, endOfLife: "2023-10-10", source: "https://learn.microsoft.com/lifecycle/products/windows-server-2012" },
  { product: "Windows Server 2008 R2", match: /Windows Server(?: \(R\))? 2008 R2/i, endOfLife: "2020-01-14", source: "https://learn.microsoft.com/lifecycle/products/windows-server-2008-r2" },
  { product: "Windows Server 2008", match: /Windows Server(?: \(R\))? 2008/i, endOfLife: "2020-01-14", source: "https://learn.microsoft.com/lifecycle/products/windows-server-2008" },
  { product: "Windows Server 2003", match: /Windows Server(?: \(R\))? 2003|Windows 2003/i, endOfLife: "2015-07-14", source: "https://learn.microsoft.com/lifecycle/products/windows-server-2003-" },
  { product: "Windows 2000", match: /Windows 2000/i, endOfLife: "2010-07-13", source: MS_CLIENT },
  // --- Windows 11 by feature update (Home/Pro unless the edition says Enterprise/Education) ---
  ...windows11("21H2", 22000, "2023-10-10", "2024-10-08"),
  ...windows11("22H2", 22621, "2024-10-08", "2025-10-14"),
  ...windows11("23H2", 22631, "2025-11-11", "2026-11-10"),
  ...windows11("24H2", 26100, "2026-10-13", "2027-10-12"),
  ...windows11("25H2", 26200, "2027-10-12", "2028-10-10"),
  { product: "Windows 11", match: /Windows 11/i, source: MS_W11 },
  // --- Windows 10 ---
  { product: "Windows 10 Enterprise LTSC 2021", match: /Windows 10.*LTSC.*(2021|19044)|Windows 10.*(2021|19044).*LTSC/i, endOfLife: "2027-01-12", source: MS_W10_LTSC },
  { product: "Windows 10 Enterprise LTSC 2019", match: /Windows 10.*LTSC.*(2019|17763)|Windows 10.*(2019|17763).*LTSC/i, endOfLife: "2029-01-09", source: MS_W10_LTSC },
  { product: "Windows 10 Enterprise LTSB 2016", match: /Windows 10.*LTSB/i, endOfLife: "2026-10-13", source: MS_W10_LTSC },
  { product: "Windows 10", match: /Windows 10/i, endOfLife: "2025-10-14", source: MS_W10 },
  { product: "Windows 8.1", match: /Windows 8\.1/i, endOfLife: "2023-01-10", source: "https://learn.microsoft.com/lifecycle/products/windows-81" },
  { product: "Windows 8", match: /Windows 8\b/i, endOfLife: "2016-01-12", source: MS_CLIENT },
  { product: "Windows 7", match: /Windows 7/i, endOfLife: "2020-01-14", source: "https://learn.microsoft.com/lifecycle/products/windows-7" },
  { product: "Windows Vista", match: /Windows Vista/i, endOfLife: "2017-04-11", source: MS_CLIENT },
  { product: "Windows XP", match: /Windows XP/i, endOfLife: "2014-04-08", source: MS_CLIENT },
  // --- macOS (Apple publishes no dates; endoflife.date records when updates stopped) ---
  { product: "macOS 26 Tahoe", match: /mac ?OS (X )?26\b|Tahoe/i, source: APPLE },
  { product: "macOS 15 Sequoia", match: /mac ?OS (X )?15\b|Sequoia/i, source: APPLE },
  { product: "macOS 14 Sonoma", match: /mac ?OS (X )?14\b|Sonoma/i, source: APPLE },
  { product: "macOS 13 Ventura", match: /mac ?OS (X )?13\b|Ventura/i, endOfLife: "2025-09-15", source: APPLE },
  { product: "macOS 12 Monterey", match: /mac ?OS (X )?12\b|Monterey/i, endOfLife: "2024-09-16", source: APPLE },
  { product: "macOS 11 Big Sur", match: /mac ?OS (X )?11\b|Big Sur/i, endOfLife: "2023-09-26", source: APPLE },
  { product: "macOS 10.15 Catalina", match: /(Mac )?OS X 10\.15|macOS 10\.15|Catalina/i, endOfLife: "2022-09-12", source: APPLE },
  { product: "macOS 10.14 or older", match: /(Mac )?OS X 10\.([4-9]|1[0-4])\b|macOS 10\.1[2-4]/i, endOfLife: "2021-10-25", source: APPLE },
  // --- Linux (free security support end: Debian LTS, Ubuntu standard support) ---
  { product: "Debian 13 (trixie)", match: /Debian( GNU\/Linux)? 13(?!\.\d)\b|trixie/i, endOfLife: "2030-06-30", source: DEBIAN },
  { product: "Debian 12 (bookworm)", match: /Debian( GNU\/Linux)? 12(?!\.\d)\b|bookworm/i, endOfLife: "2028-06-10", source: DEBIAN },
  { product: "Debian 11 (bullseye)", match: /Debian( GNU\/Linux)? 11(?!\.\d)\b|bullseye/i, endOfLife: "2026-08-31", source: DEBIAN },
  { product: "Debian 10 (buster)", match: /Debian( GNU\/Linux)? 10(?!\.\d)\b|buster/i, endOfLife: "2024-06-30", source: DEBIAN },
  { product: "Debian 9 (stretch)", match: /Debian( GNU\/Linux)? 9(?!\.\d)\b|stretch/i, endOfLife: "2022-07-01", source: DEBIAN },
  { product: "Debian 8 (jessie) or older", match: /Debian( GNU\/Linux)? [5-8](?!\.\d)\b|jessie|wheezy|squeeze/i, endOfLife: "2020-06-30", source: DEBIAN },
  { product: "Ubuntu 26.04 LTS", match: /Ubuntu.*26\.04/i, endOfLife: "2031-04-30", source: UBUNTU },
  { product: "Ubuntu 24.04 LTS", match: /Ubuntu.*24\.04/i, endOfLife: "2029-05-31", source: UBUNTU },
  { product: "Ubuntu 22.04 LTS", match: /Ubuntu.*22\.04/i, endOfLife: "2027-04-01", source: UBUNTU },
  { product: "Ubuntu 20.04 LTS", match: /Ubuntu.*20\.04/i, endOfLife: "2025-05-31", source: UBUNTU },
  { product: "Ubuntu 18.04 LTS", match: /Ubuntu.*18\.04/i, endOfLife: "2023-05-31", source: UBUNTU },
  { product: "Ubuntu 16.04 LTS", match: /Ubuntu.*16\.04/i, endOfLife: "2021-04-02", source: UBUNTU },
  { product: "Ubuntu 14.04 LTS", match: /Ubuntu.*14\.04/i, endOfLife: "2019-04-02", source: UBUNTU },
  { product: "CentOS Stream 9", match: /CentOS Stream (release )?9/i, endOfLife: "2027-05-31", source: CENTOS },
  { product: "CentOS Stream 8", match: /CentOS Stream (release )?8/i, endOfLife: "2024-05-31", source: CENTOS },
  { product: "CentOS 8", match: /CentOS( Linux)?( release)? 8/i, endOfLife: "2021-12-31", source: CENTOS },
  { product: "CentOS 7", match: /CentOS( Linux)?( release)? 7/i, endOfLife: "2024-06-30", source: CENTOS },
  { product: "CentOS 6 or older", match: /CentOS( Linux)?( release)? [3-6]\b/i, endOfLife: "2020-11-30", source: CENTOS },
  { product: "Red Hat Enterprise Linux 9", match: /(Red Hat Enterprise Linux|RHEL)\D*9\b/i, endOfLife: "2032-05-31", source: RHEL },
  { product: "Red Hat Enterprise Linux 8", match: /(Red Hat Enterprise Linux|RHEL)\D*8\b/i, endOfLife: "2029-05-31", source: RHEL },
  { product: "Red Hat Enterprise Linux 7", match: /(Red Hat Enterprise Linux|RHEL)\D*7\b/i, endOfLife: "2024-06-30", source: RHEL },
  { product: "Red Hat Enterprise Linux 6", match: /(Red Hat Enterprise Linux|RHEL)\D*6\b/i, endOfLife: "2020-11-30", source: RHEL },
  // --- VMware ESXi (end of general support) ---
  { product: "VMware ESXi 8.0", match: /ESXi?\D*8\.0/i, endOfLife: "2027-10-11", source: VMWARE },
  { product: "VMware ESXi 7.0", match: /ESXi?\D*7\.0/i, endOfLife: "2025-10-02", source: VMWARE },
  { product: "VMware ESXi 6.5/6.7", match: /ESXi?\D*6\.[57]/i, endOfLife: "2022-10-15", source: VMWARE },
  { product: "VMware ESXi 6.0 or older", match: /ESXi?\D*(6\.0|5\.\d|4\.\d)/i, endOfLife: "2020-03-12", source: VMWARE },
];

const eolEntryFor = new RememberedLookup((os) => EOL_TABLE.find((candidate) => candidate.match.test(os)));

/** What the report says about one OS at the audit date; undefined when the table has no entry. */
export function endOfLifeFor(
  os: string,
  asOf: Date,
): { product: string; endOfLife: string; status: "end-of-life" | "ending-soon" | "supported" } | undefined {
  const entry = eolEntryFor.get(os);
  if (!entry) return undefined;
  if (!entry.endOfLife) return { product: entry.product, endOfLife: "not announced", status: "supported" };
  const end = new Date(`${entry.endOfLife}T23:59:59Z`);
  const soon = new Date(asOf);
  soon.setUTCMonth(soon.getUTCMonth() + ENDING_SOON_MONTHS);
  const status = end < asOf ? "end-of-life" : end <= soon ? "ending-soon" : "supported";
  return { product: entry.product, endOfLife: entry.endOfLife, status };
}

// --- internal ---

function windows11(version: string, build: number, homePro: string, enterprise: string): EolEntry[] {
  const versioned = new RegExp(`Windows 11.*(${version}|\\b${build}\\b)`, "i");
  return [
    {
      product: `Windows 11 ${version} Enterprise/Education`,
      match: new RegExp(`(?=.*${ENTERPRISE.source})${versioned.source}`, "i"),
      endOfLife: enterprise,
      source: MS_W11,
    },
    { product: `Windows 11 ${version}`, match: versioned, endOfLife: homePro, source: MS_W11 },
  ];
}
