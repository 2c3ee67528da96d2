import type {
  Assessment,
  Device,
  Evidence,
  Finding,
  Role,
  Severity,
  TriState,
} from "../../schema/assessment.js";
import type { Brand } from "../brand/brand-schema.js";
import { toChangesView } from "../history/changes-view.js";
import {
  formatDate,
  formatDateTime,
  formatDuration,
  formatMoney,
  formatMoneyRange,
  formatMs,
  formatPercent,
  plural,
} from "./format.js";
import {
  MAP_LABELS,
  ROLE_COLORS,
  ROLE_LABELS,
  ROLE_ORDER,
  SEVERITY_COLORS,
  SEVERITY_LABELS,
  SEVERITY_ORDER,
  VERDICT_LABELS,
} from "./labels.js";
import { deepSafe, NETWORK_TEXT_CAP, optionalText, PROSE_CAP, safeText } from "./safe-text.js";
import { barChartSvg } from "./svg/bar-chart.js";
import { gaugeSvg } from "./svg/gauge.js";
import { networkMapSvg } from "./svg/network-map.js";

export interface ViewModelOptions {
  /** Evidence lines shown per finding before "and N more". */
  maxEvidence?: number;
  /** Names listed per finding before "and N more". */
  maxHostsListed?: number;
  /** Devices named per risky service before "and N more". */
  maxRiskyHostsListed?: number;
  /** Above this many devices the inventory prints one line per device (services capped). */
  compactInventoryAbove?: number;
}

/**
 * Columns of the one-line inventory, in characters of a monospaced font: 124 characters fit A4
 * and Letter at 6.6 pt. One text line per device instead of a table row of seven cells: Chromium
 * spends ≈ 15–20 kB of memory per printed table cell, so at 1,000 devices the cells alone cost
 * ≈ 100 MB and a second of print time.
 */
const LINE_COLUMNS = [
  ["Name", 15],
  ["Address", 15],
  ["Role", 17],
  ["MAC", 17],
  ["Vendor · model / OS", 22],
  ["Services", 27],
  ["Conf.", 5],
] as const;

/** Network-derived text: cleaned and capped at 200 characters. */
const t = (value: unknown) => safeText(value, NETWORK_TEXT_CAP);
const tOpt = (value: unknown) => optionalText(value, NETWORK_TEXT_CAP);
/** Prose written by rules or the consultant: cleaned, capped longer. */
const p = (value: unknown) => safeText(value, PROSE_CAP);
/** Addresses print on one line: capped at the longest IPv6 text form. */
const addr = (value: unknown) => safeText(value, 45);

export interface TocEntry {
  id: string;
  number: number;
  title: string;
}

export interface FindingView {
  id: string;
  anchor: string;
  title: string;
  severity: Severity;
  severityLabel: string;
  severityClass: string;
  category: string;
  status: "open" | "accepted" | "error";
  statusLabel: string;
  hostCount: number;
  hostsText: string;
  evidence: string[];
  impact: string;
  recommendation: string;
  acceptedReason: string;
  errorMessage: string;
  references: string[];
}

export interface Fact {
  label: string;
  value: string;
  /** "good" | "bad" | "warn" | "unknown" | "" — a CSS class for the value. */
  tone: string;
}

/** Everything the templates print; built by toViewModel, so templates only loop and print. */
export type ReportViewModel = ReturnType<typeof toViewModel>;

/** Every section the contents page can list (id, title), in report order. */
export const TOC_SECTIONS: readonly (readonly [string, string])[] = [
  ["summary", "Executive summary"],
  ["since-last-assessment", "Since the last assessment"],
  ["environment", "Environment at a glance"],
  ["servers", "Servers"],
  ["firewall", "Firewall and perimeter"],
  ["backup", "Backup and disaster recovery"],
  ["power", "Power protection"],
  ["security", "Security"],
  ["network", "Network and WAN health"],
  ["findings", "Findings and recommendations"],
  ["proposal", "Proposal"],
  ["inventory", "Appendix A — Device inventory"],
  ["method", "Appendix B — Method, scope and limits"],
];

/** Pure: Assessment + Brand → the data the report templates print. */
export function toViewModel(assessment: Assessment, brand: Brand, options: ViewModelOptions = {}) {
  const maxEvidence = options.maxEvidence ?? 4;
  const maxHostsListed = options.maxHostsListed ?? 6;
  const maxRiskyHostsListed = options.maxRiskyHostsListed ?? 16;
  const compactInventory = assessment.devices.length > (options.compactInventoryAbove ?? 100);
  const sortedDevices = [...assessment.devices].sort(compareDevices);
  const env = assessment.environment;
  const clientName = t(assessment.client.name) || "Client";
  const nm = (name: string | undefined) => t(withoutDomain(name, env.directory.name));
  const deviceByIp = new Map(assessment.devices.map((device) => [device.ip, device]));
  const hostLabel = (ip: string) => {
    const name = deviceByIp.get(ip)?.name;
    return name ? `${nm(name)} (${addr(ip)})` : addr(ip);
  };
  const hostList = (ips: string[]) => {
    if (!ips.length) return "Network-wide";
    const shown = ips.slice(0, maxHostsListed).map(hostLabel);
    const more = ips.length - shown.length;
    return p(more > 0 ? `${shown.join(", ")} and ${more} more` : shown.join(", "));
  };
  const ask = askFor(assessment);

  // --- findings ---
  const findings = sortFindings(assessment.findings).map((finding) =>
    findingView(finding, hostList, maxEvidence),
  );
  const open = findings.filter((finding) => finding.status === "open");
  const topFindings = open.slice(0, 5);
  const severityCounts = SEVERITY_ORDER.map((severity) => ({
    severity,
    label: SEVERITY_LABELS[severity],
    severityClass: `sev-${severity}`,
    count: open.filter((finding) => finding.severity === severity).length,
  }));
  const findingsByCategory = new Map<string, FindingView[]>();
  for (const finding of findings) {
    const list = findingsByCategory.get(finding.category) ?? [];
    list.push(finding);
    findingsByCategory.set(finding.category, list);
  }
  const related = (...categories: string[]) =>
    findings
      .filter((finding) => finding.status !== "error" && categories.includes(finding.category))
      .map(shortFinding);

  // --- devices ---
  const roleGroups = groupByRole(assessment.devices, nm);
  const networkRoles: Role[] = ["firewall", "router", "switch"];

  // --- scores and verdict ---
  const verdict = VERDICT_LABELS[assessment.verdict];
  const fit = clampScore(assessment.scores.fit);
  const risk = clampScore(assessment.scores.risk);
  const riskColor = risk >= 70 ? SEVERITY_COLORS.critical : risk >= 40 ? SEVERITY_COLORS.medium : "#3c8d5a";
  const currency = assessment.proposal.monthly.currency;

  // --- sections shown, in order: they number the table of contents ---
  const sections = TOC_SECTIONS.map(([id, title]): [string, string, boolean] => [
    id,
    title,
    id === "since-last-assessment" ? Boolean(assessment.changes) : true,
  ]);
  const toc: TocEntry[] = sections
    .filter(([, , shown]) => shown)
    .map(([id, title], index) => ({ id, number: index + 1, title }));
  const sectionTitle = Object.fromEntries(toc.map((entry) => [entry.id, entry.title]));
  const sectionNumber = Object.fromEntries(toc.map((entry) => [entry.id, entry.number]));

  const firewallDevice = env.firewall.ip ? deviceByIp.get(env.firewall.ip) : undefined;
  const gatewayDevice =
    firewallDevice ??
    assessment.devices.find((device) => device.role === "firewall" || device.role === "router");
  const switches = assessment.devices.filter((device) => device.role === "switch");
  const mapGroups = roleGroups
    .filter((group) => !networkRoles.includes(group.role))
    .map((group) => ({
      count: group.count,
      examples: group.devices.slice(0, 2).map((device) => device.name || device.ip),
      label: MAP_LABELS[group.role] ?? group.label,
      color: ROLE_COLORS[group.role],
    }));
  const wan = env.network.wan;

  const directoryText =
    env.directory.kind === "domain"
      ? `Active Directory domain ${t(env.directory.name) || "(name not seen)"}`
      : env.directory.kind === "workgroup"
        ? `Peer-to-peer workgroup${env.directory.name ? ` ${t(env.directory.name)}` : ""}`
        : ask(
            ["directory", "domain"],
            "Do the PCs log on to a Windows domain or Microsoft Entra ID, or to their own accounts?",
          );

  const eolIps = new Set(env.osCurrency.endOfLife.map((host) => host.ip));
  const smb1 = assessment.findings.find(
    (finding) => finding.id.startsWith("smb1") && finding.status !== "error",
  );
  const offsiteText = triText(env.backup.offsite, "An offsite copy exists", "No offsite copy", () =>
    ask(["offsite", "backup"], "Is there a copy of the backups outside the office (cloud or rotated disks)?"),
  );

  const summarySentences = [
    `We found ${plural(assessment.devices.length, "device")} on ${possessive(clientName)} network, including ${plural(env.counts.workstations, "user computer")} and ${plural(env.counts.servers, "server")}.`,
    env.directory.kind === "domain"
      ? `The computers are managed through the ${t(env.directory.name) || "Windows"} domain.`
      : env.directory.kind === "workgroup"
        ? "The computers are not centrally managed (a peer-to-peer workgroup)."
        : "We could not tell whether the computers are centrally managed.",
    open.length
      ? `${plural(open.length, "issue")} ${open.length === 1 ? "needs" : "need"} attention${countPhrase(severityCounts)}.`
      : "We found no open issues.",
    env.downtime.costPerHour !== undefined
      ? `An hour of downtime costs the business an estimated ${formatMoney(env.downtime.costPerHour, env.downtime.currency)}.`
      : "",
  ].filter(Boolean);

  return {
    title: `IT assessment — ${clientName}`,
    client: { name: clientName, site: tOpt(assessment.client.site) },
    dates: {
      report: formatDate(assessment.generatedAt),
      visit: formatDate(assessment.audit.startedAt),
    },
    brand: {
      company: t(brand.company),
      logoDataUrl:
        brand.logoDataUrl &&
        /^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/=]+$/.test(brand.logoDataUrl)
          ? brand.logoDataUrl
          : undefined,
      contact: {
        name: tOpt(brand.contact.name),
        email: tOpt(brand.contact.email),
        phone: tOpt(brand.contact.phone),
        website: tOpt(brand.contact.website),
      },
      hasContact: Boolean(
        brand.contact.name || brand.contact.email || brand.contact.phone || brand.contact.website,
      ),
      footer: t(brand.footer),
      disclaimer: p(brand.disclaimer),
      paper: brand.paper,
    },
    toc,
    sectionTitle,
    sectionNumber,
    verdict: {
      key: assessment.verdict,
      label: verdict.label,
      headline: verdict.headline,
      className: `verdict-${assessment.verdict}`,
      reasons: assessment.verdictReasons.map(p),
    },
    scores: {
      fit,
      risk,
      fitGaugeSvg: gaugeSvg({ value: fit, label: "Sweet-spot fit", color: brand.colors.accent }),
      riskGaugeSvg: gaugeSvg({ value: risk, label: "Risk", color: riskColor }),
      fitParts: assessment.scoreDetails.fit.map(scorePart),
      riskParts: assessment.scoreDetails.risk.map(scorePart),
    },
    summary: {
      sentences: summarySentences,
      monthly: formatMoneyRange(assessment.proposal.monthly.low, assessment.proposal.monthly.high, currency),
      onsite: onsiteText(assessment.proposal.onsiteHalfDaysPerMonth),
      downtimeUnknown: env.downtime.costPerHour === undefined,
      downtime:
        env.downtime.costPerHour !== undefined
          ? `${formatMoney(env.downtime.costPerHour, env.downtime.currency)} per hour`
          : ask(
              ["downtime", "employees", "cost"],
              "How many staff stop working when the systems are down, and what does their hour cost?",
            ),
    },
    topFindings,
    questions: assessment.questions.map((question) => ({
      topic: t(question.topic),
      question: p(question.question),
      why: p(question.why),
      answersField: tOpt(question.answersField),
    })),
    conflicts: assessment.conflicts.map((conflict) => ({
      topic: t(conflict.topic),
      scan: t(conflict.scan),
      answer: t(conflict.answer),
      answersField: t(conflict.answersField),
    })),
    // Cleaned before the history view formats it; its trend SVG escapes its own text.
    changes: assessment.changes ? toChangesView(deepSafe(assessment.changes)) : undefined,
    environment: {
      facts: [
        fact(
          "Directory",
          directoryText,
          env.directory.kind === "domain" ? "good" : env.directory.kind === "workgroup" ? "warn" : "unknown",
        ),
        fact("Devices found", String(assessment.devices.length)),
        fact("User computers", String(env.counts.workstations)),
        fact("Servers", String(env.counts.servers)),
        fact("Printers", String(env.counts.printers)),
        fact("Network devices", String(env.counts.networkDevices)),
        fact(
          "Staff",
          env.employees !== undefined
            ? String(env.employees)
            : ask(["employees", "staff"], "How many people work here?"),
          env.employees !== undefined ? "" : "unknown",
        ),
        fact(
          "Current IT support",
          env.support ? t(env.support).replace(/-/g, " ") : ask(["support"], "Who looks after IT today?"),
          env.support ? "" : "unknown",
        ),
      ],
      roleGroups: roleGroups.map((group) => ({ label: group.label, count: group.count, color: group.color })),
      rolesChartSvg: barChartSvg(
        roleGroups.map((group) => ({ label: group.label, value: group.count, color: group.color })),
        { width: 300, title: "Devices by role" },
      ),
      networkMapSvg: networkMapSvg({
        internet: {
          label: "Internet",
          detail:
            wan.internetLatencyMs !== undefined
              ? `${formatMs(wan.internetLatencyMs)} · ${wanHealthLabel(wan.health)}`
              : wanHealthLabel(wan.health),
        },
        gateway: gatewayDevice
          ? {
              label: deviceTitle(gatewayDevice),
              detail: `${ROLE_LABELS[gatewayDevice.role].one} · ${t(gatewayDevice.ip)}`,
            }
          : { label: "Gateway", detail: "not identified" },
        switches: switches.map((device) => ({ label: deviceTitle(device), detail: t(device.ip) })),
        groups: mapGroups,
      }),
    },
    servers: {
      rows: env.servers.map((server) => ({
        name: nm(server.name) || t(server.ip),
        ip: addr(server.ip),
        role: ROLE_LABELS[server.role].one,
        os: t(server.os) || "Not identified",
        serves: t(server.serves.join(", ")),
        eol: eolIps.has(server.ip),
      })),
      none: env.servers.length === 0,
      findings: related("servers", "server"),
    },
    firewall: {
      facts: [
        fact(
          "Firewall",
          env.firewall.present
            ? t([env.firewall.vendor, env.firewall.model].filter(Boolean).join(" ")) ||
                "Present (make not identified)"
            : env.firewall.grade === "unknown"
              ? ask(
                  ["firewall"],
                  "What protects the internet connection — a firewall you own, or the ISP's router?",
                )
              : "None found",
          env.firewall.present ? "" : env.firewall.grade === "unknown" ? "unknown" : "bad",
        ),
        fact(
          "Grade",
          env.firewall.grade === "business"
            ? "Business grade"
            : env.firewall.grade === "consumer"
              ? "Consumer / ISP-supplied"
              : ask(["firewall"], "Who supplied the router or firewall, and who manages it?"),
          env.firewall.grade === "business" ? "good" : env.firewall.grade === "consumer" ? "bad" : "unknown",
        ),
        fact("Address", t(env.firewall.ip) || "—"),
      ],
      evidence: env.firewall.evidence.slice(0, maxEvidence).map(evidenceLine),
      findings: related("perimeter", "firewall"),
    },
    backup: {
      facts: [
        fact(
          "On-site backup",
          triText(env.backup.onsite, "Yes", "None found", () =>
            ask(["backup"], "What backs up the server and shared files, and where do the backups go?"),
          ),
          tone(env.backup.onsite),
        ),
        fact("Offsite / cloud copy", offsiteText, tone(env.backup.offsite)),
        fact(
          "Last restore test",
          env.backup.lastRestoreTest
            ? t(env.backup.lastRestoreTest)
            : ask(["restore"], "When was a restore from backup last tested?"),
          env.backup.lastRestoreTest ? "" : "unknown",
        ),
      ],
      systems: env.backup.systems.map((system) => ({
        name: nm(system.name) || t(system.ip),
        ip: addr(system.ip),
        product: t(system.product),
      })),
      findings: related("backup"),
    },
    power: {
      facts: [
        fact(
          "UPS",
          triText(env.power.ups, "Present", "None found", () =>
            ask(["ups", "power"], "Are the server and network equipment on a UPS (battery backup)?"),
          ),
          tone(env.power.ups),
        ),
      ],
      devices: env.power.devices.map((ups) => ({
        name: nm(ups.name) || t(ups.ip),
        ip: addr(ups.ip),
        model: t(ups.model) || "—",
        battery: t(ups.batteryStatus) || "—",
        charge: ups.chargePercent !== undefined ? formatPercent(ups.chargePercent, 0) : "—",
        runtime: ups.runtimeMinutes !== undefined ? `${Math.round(ups.runtimeMinutes)} min` : "—",
      })),
      findings: related("power"),
    },
    security: {
      endpoint: fact(
        "Endpoint protection",
        env.endpointProtection.status === "yes"
          ? t(env.endpointProtection.products.join(", ")) || "Present"
          : env.endpointProtection.status === "no"
            ? "None found"
            : ask(
                ["endpoint", "antivirus"],
                "Which antivirus or endpoint protection runs on the PCs, and is it centrally managed?",
              ),
        tone(env.endpointProtection.status),
      ),
      smb1: smb1
        ? fact("SMB1 (legacy file sharing)", `Enabled on ${hostList(smb1.hosts)}`, "bad")
        : fact("SMB1 (legacy file sharing)", "Not seen on any scanned host", "good"),
      osSummary: `${plural(env.osCurrency.endOfLife.length, "system")} past end of support, ${env.osCurrency.endingSoon.length} ending soon, ${env.osCurrency.supported} supported, ${env.osCurrency.unknown} not identified.`,
      endOfLife: env.osCurrency.endOfLife.map((host) => ({
        name: nm(host.name) || t(host.ip),
        ip: addr(host.ip),
        os: t(host.os),
        date: formatDate(host.endOfLife) || t(host.endOfLife),
      })),
      endingSoon: env.osCurrency.endingSoon.map((host) => ({
        name: nm(host.name) || t(host.ip),
        ip: addr(host.ip),
        os: t(host.os),
        date: formatDate(host.endOfLife) || t(host.endOfLife),
      })),
      riskyServices: groupRiskyServices(env.riskyServices).map((group) => ({
        service: t(group.service),
        port: `${group.port}/${t(group.protocol)}`,
        count: group.hosts.length,
        hosts: group.hosts.slice(0, maxRiskyHostsListed).map((host) => ({
          name: nm(host.name),
          ip: addr(host.ip),
        })),
        more: Math.max(0, group.hosts.length - maxRiskyHostsListed),
      })),
      findings: related("security"),
    },
    network: {
      facts: [
        fact("Segments", t(env.network.segments.join(", ")) || "—"),
        fact(
          "Flat network",
          triText(
            env.network.flat,
            "Yes — every device can reach every other",
            "No — segmented",
            () => "Unknown",
          ),
          env.network.flat === "yes" ? "warn" : env.network.flat === "no" ? "good" : "unknown",
        ),
        fact(
          "WAN health",
          wanHealthLabel(wan.health),
          wan.health === "good"
            ? "good"
            : wan.health === "degraded"
              ? "warn"
              : wan.health === "poor"
                ? "bad"
                : "unknown",
        ),
        fact(
          "Gateway latency / loss",
          joinDefined(
            formatMs(wan.gatewayLatencyMs),
            wan.gatewayLossPercent !== undefined ? `${formatPercent(wan.gatewayLossPercent)} loss` : "",
          ),
        ),
        fact(
          "Internet latency / loss",
          joinDefined(
            formatMs(wan.internetLatencyMs),
            wan.internetLossPercent !== undefined ? `${formatPercent(wan.internetLossPercent)} loss` : "",
          ),
        ),
        fact("Jitter", formatMs(wan.jitterMs) || "—"),
      ],
      wifi: env.network.wifi.networks.map((network) => ({
        ssid: t(network.ssid),
        security: t(network.security),
        weak: env.network.wifi.weak.includes(network.ssid),
      })),
      findings: related("network", "wan", "wifi"),
    },
    findings: {
      all: findings,
      openCount: open.length,
      severityCounts,
      severityChartSvg: barChartSvg(
        severityCounts.map((entry) => ({
          label: entry.label,
          value: entry.count,
          color: SEVERITY_COLORS[entry.severity],
        })),
        { width: 300, title: "Open findings by severity" },
      ),
      checks: assessment.checks.map((check) => ({
        title: t(check.title),
        category: t(check.category),
        status: check.status,
        statusLabel: CHECK_LABELS[check.status],
        statusClass: `check-${check.status}`,
      })),
    },
    proposal: {
      monthly: formatMoneyRange(assessment.proposal.monthly.low, assessment.proposal.monthly.high, currency),
      onsite: onsiteText(assessment.proposal.onsiteHalfDaysPerMonth),
      targetBand: assessment.proposal.targetBand
        ? formatMoneyRange(assessment.proposal.targetBand.low, assessment.proposal.targetBand.high, currency)
        : undefined,
      lineItems: assessment.proposal.lineItems.map((item) => ({
        label: t(item.label),
        quantity: item.quantity,
        unit: formatMoneyRange(item.unitLow, item.unitHigh, currency),
        total: formatMoneyRange(item.unitLow * item.quantity, item.unitHigh * item.quantity, currency),
      })),
      projects: assessment.proposal.projects.map((project) => ({
        title: t(project.title),
        description: p(project.description),
        cost: formatMoneyRange(project.low, project.high, currency),
        fixes: project.findings.map((id) =>
          t(assessment.findings.find((finding) => finding.id === id)?.title ?? id),
        ),
      })),
      projectsTotal: assessment.proposal.projects.length
        ? formatMoneyRange(
            sum(assessment.proposal.projects.map((x) => x.low)),
            sum(assessment.proposal.projects.map((x) => x.high)),
            currency,
          )
        : undefined,
      assumptions: assessment.proposal.assumptions.map(p),
      included: [
        "Unlimited remote support and an emergency phone line during business hours",
        `${onsiteText(assessment.proposal.onsiteHalfDaysPerMonth)} for maintenance, projects and staff questions`,
        "Patching, monitoring and backup checks for every server and user computer",
        "A quarterly health check with this report's measurements, to show progress",
      ],
    },
    inventory: {
      rows: compactInventory
        ? []
        : sortedDevices.map((device) => ({
            name: nm(device.name) || "—",
            ip: addr(device.ip),
            mac: addr(device.mac) || "—",
            vendor: t(device.vendor) || "—",
            role: ROLE_LABELS[device.role].one,
            detail: t([device.model, device.os].filter(Boolean).join(" · ")) || "—",
            services: t(device.services.join(", ")) || "—",
            confidence: `${Math.round(device.confidence * 100)}%`,
          })),
      // Long inventories are an appendix nobody reads line by line: one line per device keeps the
      // PDF (and Chromium's memory) proportionate; the CSV export keeps every detail.
      compact: compactInventory,
      lineHeader: compactInventory ? inventoryLine(LINE_COLUMNS.map(([label]) => label)).join(" ") : "",
      lines: compactInventory
        ? sortedDevices.map((device) => {
            const [name = "", ...rest] = inventoryLine([
              nm(device.name) || "—",
              addr(device.ip),
              ROLE_LABELS[device.role].one,
              addr(device.mac) || "—",
              t([device.vendor, device.model, device.os].filter(Boolean).join(" · ")) || "—",
              servicesThatFit(device.services.map(t), LINE_COLUMNS[5][1]),
              `${Math.round(device.confidence * 100)}%`,
            ]);
            return { name, rest: rest.join(" "), all: t(device.services.join(", ")) };
          })
        : [],
      count: assessment.devices.length,
    },
    method: methodView(assessment, ask),
    warnings: assessment.warnings.map(t),
  };
}

// --- internal ---

const CHECK_LABELS = {
  pass: "Pass",
  fail: "Issue found",
  "not-applicable": "Not applicable",
  unknown: "Unknown",
  error: "Could not check",
} as const;

function methodView(assessment: Assessment, ask: ReturnType<typeof askFor>) {
  const audit = assessment.audit;
  return {
    facts: [
      fact(
        "When",
        joinDefined(
          formatDateTime(audit.startedAt),
          formatDuration(audit.startedAt, audit.finishedAt)
            ? `for ${formatDuration(audit.startedAt, audit.finishedAt)}`
            : "",
        ),
      ),
      fact("From", joinDefined(t(audit.agentHost), t(audit.agentOs)) || "Not recorded"),
      fact(
        "Scope",
        `${audit.scope.targets.map(t).join(", ") || "—"}${audit.scope.autoDetected ? " (the office network the scanner was plugged into)" : ""}`,
      ),
      fact("Excluded", audit.scope.excluded.map(t).join(", ") || "Nothing"),
      fact(
        "Privileges",
        audit.privileged === true
          ? "Administrator (raw packets: OS and MAC detection possible)"
          : audit.privileged === false
            ? "Ordinary user (no OS fingerprinting; some devices may be missed)"
            : "Not recorded",
      ),
      fact(
        "Rate",
        audit.maxPacketsPerSecond !== undefined
          ? `At most ${audit.maxPacketsPerSecond} packets per second`
          : "Not recorded",
      ),
      fact(
        "Authorised by",
        t(audit.authorizedBy) || ask(["authoriz", "authoris"], "Who authorised this scan, and when?"),
        audit.authorizedBy ? "" : "unknown",
      ),
      fact("Hosts answering", String(audit.hostsScanned)),
      fact(
        "Completeness",
        audit.status === "complete"
          ? "Complete"
          : "Partial — the scan was interrupted; some facts are missing",
        audit.status === "complete" ? "" : "warn",
      ),
    ],
    probes: audit.probes.map((probe) => ({
      id: t(probe.id),
      status: t(probe.status),
      when: formatDateTime(probe.startedAt),
      duration: formatDuration(probe.startedAt, probe.finishedAt),
    })),
    limits: [
      "Only devices switched on and connected during the visit could be seen.",
      "No passwords were tried and nothing was exploited: software inside computers (antivirus, patches, backups' contents) is inferred, not inspected.",
      "Cloud services (Microsoft 365, hosted apps) and remote workers are outside what a network scan can see.",
      ...audit.warnings.map(t),
    ],
    generated: `${t(assessment.tool.name)} ${t(assessment.tool.version)}, ${formatDateTime(assessment.generatedAt)}`,
  };
}

export function sortFindings(findings: Finding[]): Finding[] {
  const statusRank = { open: 0, accepted: 1, error: 2 } as const;
  return [...findings].sort(
    (a, b) =>
      statusRank[a.status] - statusRank[b.status] ||
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
      b.hosts.length - a.hosts.length ||
      a.title.localeCompare(b.title),
  );
}

function findingView(
  finding: Finding,
  hostList: (ips: string[]) => string,
  maxEvidence: number,
): FindingView {
  const evidence = finding.evidence.slice(0, maxEvidence).map(evidenceLine);
  if (finding.evidence.length > maxEvidence)
    evidence.push(`… and ${finding.evidence.length - maxEvidence} more`);
  return {
    id: t(finding.id),
    anchor: `finding-${t(finding.id)}`,
    title: t(finding.title),
    severity: finding.severity,
    severityLabel: SEVERITY_LABELS[finding.severity],
    severityClass: `sev-${finding.severity}`,
    category: t(finding.category),
    status: finding.status,
    statusLabel:
      finding.status === "accepted"
        ? "Accepted risk"
        : finding.status === "error"
          ? "Could not check"
          : "Open",
    hostCount: finding.hosts.length,
    hostsText: hostList(finding.hosts),
    evidence,
    impact: p(finding.impact),
    recommendation: p(finding.recommendation),
    acceptedReason: p(finding.acceptedReason),
    errorMessage: t(finding.errorMessage),
    references: finding.references.slice(0, 5).map(t),
  };
}

function shortFinding(finding: FindingView) {
  return {
    title: finding.title,
    severityLabel: finding.severityLabel,
    severityClass: finding.severityClass,
    anchor: finding.anchor,
    statusLabel: finding.statusLabel,
    open: finding.status === "open",
  };
}

function evidenceLine(evidence: Evidence): string {
  const prefix =
    evidence.host && evidence.host !== evidence.observed && !evidence.observed.startsWith(evidence.host);
  return t(prefix ? `${evidence.host}: ${evidence.observed}` : evidence.observed);
}

/** Risky services grouped by port, protocol and service, most widespread first. */
function groupRiskyServices(services: Assessment["environment"]["riskyServices"]) {
  const groups = new Map<
    string,
    {
      port: number;
      protocol: string;
      service: string;
      ips: Set<string>;
      hosts: Array<{ ip: string; name?: string }>;
    }
  >();
  for (const entry of services) {
    const key = `${entry.port}/${entry.protocol} ${entry.service}`;
    const group = groups.get(key) ?? {
      port: entry.port,
      protocol: entry.protocol,
      service: entry.service,
      ips: new Set<string>(),
      hosts: [],
    };
    if (!group.ips.has(entry.ip)) {
      group.ips.add(entry.ip);
      group.hosts.push({ ip: entry.ip, name: entry.name });
    }
    groups.set(key, group);
  }
  for (const group of groups.values())
    group.hosts.sort((a, b) => ipKey(a.ip) - ipKey(b.ip) || a.ip.localeCompare(b.ip));
  return [...groups.values()].sort((a, b) => b.hosts.length - a.hosts.length || a.port - b.port);
}

/** "a, b +3": as many services as fit in `width` characters with the count of the others. */
function servicesThatFit(services: string[], width: number): string {
  if (!services.length) return "—";
  for (let shown = services.length; shown > 1; shown--) {
    const more = services.length - shown;
    const text = services.slice(0, shown).join(", ") + (more ? ` +${more}` : "");
    if (codePoints(text) <= width) return text;
  }
  // Not even the first fits whole: it is cut, the count stays readable.
  const more = services.length > 1 ? ` +${services.length - 1}` : "";
  return fitColumn(services[0] ?? "", width - more.length).trimEnd() + more;
}

/** Each value cut ("…") or padded to its column's width, in code points: one monospaced line. */
function inventoryLine(values: readonly string[]): string[] {
  return LINE_COLUMNS.map(([, width], i) =>
    i === LINE_COLUMNS.length - 1 ? (values[i] ?? "").padStart(width) : fitColumn(values[i] ?? "", width),
  );
}

function fitColumn(text: string, width: number): string {
  const chars = Array.from(text);
  if (chars.length > width) return `${chars.slice(0, width - 1).join("")}…`;
  return text + " ".repeat(width - chars.length);
}

function codePoints(text: string): number {
  return Array.from(text).length;
}

function scorePart(part: { factor: string; points: number; max: number; note?: string }) {
  return {
    factor: t(part.factor),
    points: Math.round(part.points),
    max: Math.round(part.max),
    note: t(part.note),
    width: part.max > 0 ? Math.round((Math.max(0, part.points) / part.max) * 100) : 0,
  };
}

export function groupByRole(devices: Device[], name: (name: string | undefined) => string = t) {
  return ROLE_ORDER.map((role) => {
    const members = devices.filter((device) => device.role === role).sort(compareDevices);
    return {
      role,
      label: members.length === 1 ? ROLE_LABELS[role].one : ROLE_LABELS[role].many,
      count: members.length,
      color: ROLE_COLORS[role],
      devices: members.map((device) => ({ name: name(device.name), ip: addr(device.ip) })),
    };
  }).filter((group) => group.count > 0);
}

function compareDevices(a: Device, b: Device): number {
  return (
    ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) ||
    ipKey(a.ip) - ipKey(b.ip) ||
    a.ip.localeCompare(b.ip)
  );
}

function ipKey(ip: string): number {
  const parts = ip.split(".").map(Number);
  if (parts.length !== 4 || parts.some((n) => !Number.isInteger(n))) return Number.MAX_SAFE_INTEGER;
  return parts.reduce((acc, n) => acc * 256 + n, 0);
}

function deviceTitle(device: Device): string {
  const make = [device.vendor && shortVendor(device.vendor), device.model].filter(Boolean).join(" ");
  return t(make || device.name || device.ip);
}

function shortVendor(vendor: string): string {
  return vendor
    .replace(/\b(Inc\.?|Corp\.?|Corporation|Co\.?|Ltd\.?|LLC|Networks|Technologies|Enterprise)\b/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** "Unknown — ask: <question>", using the analysis' own question when it asked one on the topic. */
function askFor(assessment: Assessment) {
  return (topics: string[], fallback: string): string => {
    const question = assessment.questions.find((q) =>
      topics.some((topic) => q.topic.toLowerCase().includes(topic) || q.id.toLowerCase().includes(topic)),
    );
    return `Unknown — ask: ${p(question?.question ?? fallback)}`;
  };
}

function fact(label: string, value: string, toneClass = ""): Fact {
  return { label, value: value || "—", tone: value.startsWith("Unknown") ? "unknown" : toneClass };
}

function tone(state: TriState): string {
  return state === "yes" ? "good" : state === "no" ? "bad" : "unknown";
}

function triText(state: TriState, yes: string, no: string, unknown: () => string): string {
  return state === "yes" ? yes : state === "no" ? no : unknown();
}

function wanHealthLabel(health: "good" | "degraded" | "poor" | "unknown"): string {
  return { good: "Healthy", degraded: "Degraded", poor: "Poor", unknown: "Not measured" }[health];
}

function onsiteText(halfDays: number): string {
  if (halfDays <= 0) return "Remote support only";
  if (halfDays === 0.5) return "One half-day on site every other month";
  return `${halfDays === 1 ? "One half-day" : `${halfDays} half-days`} on site per month`;
}

function countPhrase(counts: Array<{ label: string; count: number; severity: Severity }>): string {
  const serious = counts.filter(
    (entry) => entry.count > 0 && entry.severity !== "info" && entry.severity !== "low",
  );
  if (!serious.length) return "";
  return `: ${serious.map((entry) => `${entry.count} ${entry.label.toLowerCase()}`).join(", ")}`;
}

function clampScore(value: number): number {
  return Math.max(0, Math.min(100, Math.round(Number.isFinite(value) ? value : 0)));
}

/** "fs01.harborpine.local" → "fs01" inside the harborpine.local domain: the domain is said once. */
function withoutDomain(name: string | undefined, domain: string | undefined): string | undefined {
  if (!name || !domain) return name;
  const suffix = `.${domain}`.toLowerCase();
  return name.toLowerCase().endsWith(suffix) && name.length > suffix.length
    ? name.slice(0, -suffix.length)
    : name;
}

function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}’` : `${name}’s`;
}

function joinDefined(...values: string[]): string {
  return values.filter(Boolean).join(" · ");
}

function sum(values: number[]): number {
  return values.reduce((acc, n) => acc + n, 0);
}
