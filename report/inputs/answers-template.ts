import { INDUSTRIES, SUPPORT_KINDS } from "../../schema/answers.js";

/**
 * The commented answers.yaml written by `sweetspot answers --init`. Every field is present and
 * empty: an empty field means "not asked yet" and shows as a question in the report.
 */
export const ANSWERS_TEMPLATE = `# sweetspot interview answers — what a network scan cannot see.
# Fill in what the client tells you; leave a field empty when you don't know:
# the report then shows it as "unknown — ask", never as "absent".
# Use with: sweetspot report audit.json --answers answers.yaml

# The client's name and site as they should appear on the report (overrides the scan's).
client:
  name:
  site:

# How many people work here (all staff who use a computer). A whole number, e.g. 12.
employees:

# Burdened cost of one staff hour (wages + overhead), in the pricing currency, e.g. 45.
# Used for the cost of downtime: staff × this × hours down.
hourlyCostPerEmployee:

# Revenue lost per hour when systems are down (optional; added to the staff cost), e.g. 250.
revenuePerHour:

# Yearly revenue, if they share it (a number without separators), e.g. 1500000.
annualRevenue:

# Working hours in a day, for the cost of a lost day (default 8).
workingHoursPerDay:

# One of: ${INDUSTRIES.join(", ")}.
# medical, dental, legal and finance are regulated: they raise the stakes of every finding.
industry:

# Offsite or cloud copy of the backup.
offsiteBackup:
  # Who provides it, e.g. "Backblaze", "Datto", "a USB disk the owner takes home".
  provider:
  # yes, no or unknown, as the client says.
  exists:

# Date of the last successful restore test (YYYY-MM-DD), or never.
lastRestoreTest:

# Antivirus / endpoint protection on the PCs.
antivirus:
  # Product name, e.g. "Microsoft Defender", "SentinelOne".
  product:
  # true when someone watches its console and alerts; false when each PC runs on its own.
  managed:

# Who looks after IT today. One of: ${SUPPORT_KINDS.join(", ")}.
currentSupport:

# What they spend on IT a month today (support, not licences), in the pricing currency, e.g. 800.
monthlyItBudget:

# Is there a UPS (battery backup) for the server and network? yes, no or unknown.
# A UPS connected only by USB is invisible to the scan.
hasUps:

# Is there a firewall between the office and the internet (maybe behind the ISP's router)?
# yes, no or unknown.
hasFirewall:

# How many people work from home or on the road, e.g. 3.
remoteWorkers:

# What hurts today, one per line, e.g.:
#   - "the server is slow every morning"
#   - "nobody knows the Wi-Fi password"
painPoints:

# Anything else worth remembering for the proposal.
notes:

# Findings the client knowingly accepts. They stay in the report, marked accepted, and leave
# the risk score. Omit host to accept a finding for every host. Example:
#   - id: telnet-open
#     host: 10.0.0.20
#     reason: "old label printer, isolated on its own VLAN"
#     acceptedBy: "J. Smith, office manager"
accepted:
`;
