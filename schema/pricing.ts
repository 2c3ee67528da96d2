import { z } from "zod";

/**
 * The consultant's price list (pricing.yaml). Every field is optional; the defaults below are
 * a starting point drawn from published figures, not a quote:
 *
 * - Per workstation $60–85 a month: "For helpdesks, packages range between $60 to $85 per
 *   workstation per month" (Zomentum, MSP Pricing guide, https://www.zomentum.com/msp-pricing).
 *   All-in per-user prices run higher — $50 to above $200 per user (Plus 1 Technology,
 *   https://plus1technology.com/what-does-it-support-cost), $145 per employee in worked examples
 *   (Technoir Solutions, https://technoirsolutions.com/services/msp_pricing-examples/), $50–300
 *   per user or device (MSP Notes, https://mspnotes.com/pricing-and-costs-for-msp-defining-per-user-and-per-device-rates)
 *   — because they bundle on-site time and tooling that we price separately (on-site half-days).
 * - Per server $100–200 a month: "server maintenance can cost anywhere between $100 to $395 per
 *   server per month" (Zomentum, same page); Technoir's examples use $185 per server. We stay in
 *   the lower half because a small office's server is usually one box with a few roles.
 * - Per network device $10–25 a month (firewall, switches, access points, NAS, UPS monitoring):
 *   Technoir charges $250 a month per site for monitoring; spread over a small office's
 *   handful of devices that is $10–50 each.
 * - Target band $1,000–2,000 a month: the sweet spot this tool is built to find (DESIGN.md);
 *   Alcott Enterprises quotes $1,900–3,500 a month for 10–15 users all-inclusive
 *   (https://alcottenterprises.com/post/howmspbillforservices).
 * - Minimum monthly fee $500 and on-site half-day $250 are placeholders for the consultant's own
 *   rates: set them in pricing.yaml.
 */
export const RangeSchema = z
  .object({ low: z.number().min(0), high: z.number().min(0) })
  .strict()
  .refine((range) => range.high >= range.low, { message: "high must be at least low" });
export type Range = z.infer<typeof RangeSchema>;

export const ProjectPriceSchema = z
  .object({
    title: z.string().min(1),
    description: z.string().default(""),
    /** Fixed part of the price. */
    low: z.number().min(0),
    high: z.number().min(0),
    /** Added once per affected host (e.g. per PC upgraded). */
    perHostLow: z.number().min(0).default(0),
    perHostHigh: z.number().min(0).default(0),
  })
  .strict();
export type ProjectPrice = z.infer<typeof ProjectPriceSchema>;

export const DEFAULT_PROJECTS: Record<string, z.input<typeof ProjectPriceSchema>> = {
  "firewall-replacement": {
    title: "Business firewall installation",
    description:
      "Supply and configure a business-grade firewall with VPN and security subscriptions; retire the consumer router or PPTP VPN.",
    low: 1500,
    high: 4000,
  },
  "backup-and-offsite": {
    title: "Backup with an offsite copy",
    description:
      "Image-level backup of servers and key PCs, a local copy, an offsite or cloud copy, and a first restore test.",
    low: 1500,
    high: 5000,
  },
  "restore-test": {
    title: "Restore test and recovery runbook",
    description:
      "Restore sample files and one whole server to spare hardware or a VM, time it, and write the recovery steps down.",
    low: 300,
    high: 900,
  },
  "ups-installation": {
    title: "UPS for the server and network",
    description:
      "Network-managed UPS for server, firewall and switches, with clean automatic shutdown; or new batteries.",
    low: 400,
    high: 1500,
  },
  "domain-migration": {
    title: "Move from workgroup to a managed domain",
    description:
      "Central identity (Active Directory or Entra ID/Intune), join each PC, migrate user profiles and shared files.",
    low: 2000,
    high: 5000,
    perHostLow: 100,
    perHostHigh: 250,
  },
  "os-upgrades": {
    title: "Upgrade or replace end-of-life systems",
    description:
      "Upgrade or replace each computer whose operating system is (or is about to be) out of support; hardware extra.",
    low: 0,
    high: 0,
    perHostLow: 250,
    perHostHigh: 800,
  },
  "smb1-removal": {
    title: "Remove SMB version 1",
    description:
      "Disable SMB1 on every host, update or replace devices that still need it, and test file sharing and scanning.",
    low: 300,
    high: 800,
    perHostLow: 25,
    perHostHigh: 75,
  },
  "legacy-protocol-cleanup": {
    title: "Close Telnet, FTP, VNC and other legacy services",
    description:
      "Turn off clear-text and unauthenticated services and replace them with encrypted equivalents.",
    low: 300,
    high: 1000,
  },
  "second-domain-controller": {
    title: "Second domain controller",
    description: "Add a second domain controller (VM) and back up the system state of the first.",
    low: 1000,
    high: 3000,
  },
  "endpoint-protection-rollout": {
    title: "Managed endpoint protection rollout",
    description:
      "Deploy managed EDR on every PC and server with alerting to the IT provider (licences extra).",
    low: 300,
    high: 800,
    perHostLow: 15,
    perHostHigh: 40,
  },
  "network-segmentation": {
    title: "Network segmentation",
    description: "VLANs for servers, staff, phones/cameras and guests with firewall rules between them.",
    low: 1500,
    high: 5000,
  },
  "wifi-upgrade": {
    title: "Secure Wi-Fi",
    description:
      "WPA2/WPA3 for staff, an isolated guest network, and access points that get firmware updates.",
    low: 500,
    high: 2500,
  },
  "certificate-renewal": {
    title: "Certificate renewal",
    description: "Renew expired certificates and add expiry monitoring.",
    low: 200,
    high: 600,
  },
};

export const PricingSchema = z
  .object({
    /** ISO 4217 code used for every amount in this file and in the proposal. */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, { message: "expected a 3-letter currency code like USD" })
      .default("USD"),
    perWorkstation: RangeSchema.default({ low: 60, high: 85 }),
    perServer: RangeSchema.default({ low: 100, high: 200 }),
    perNetworkDevice: RangeSchema.default({ low: 10, high: 25 }),
    minimumMonthlyFee: z.number().min(0).default(500),
    onsiteHalfDayRate: z.number().min(0).default(250),
    /** On-site half-days a month by seats: small offices get one, larger ones more. */
    onsiteHalfDays: z
      .object({
        smallMaxSeats: z.number().int().min(0).default(14),
        small: z.number().min(0).default(1),
        mediumMaxSeats: z.number().int().min(0).default(40),
        medium: z.number().min(0).default(2),
        large: z.number().min(0).default(4),
      })
      .strict()
      .default({ smallMaxSeats: 14, small: 1, mediumMaxSeats: 40, medium: 2, large: 4 }),
    /** The monthly fee the consultant is after; an office whose fair fee falls well below it is too small. */
    targetBand: RangeSchema.default({ low: 1000, high: 2000 }),
    /** One-time project prices by project id; entries here replace the defaults of the same id. */
    projects: z.record(z.string(), ProjectPriceSchema).default({}),
  })
  .strict();

export type Pricing = z.infer<typeof PricingSchema>;
export type PricingInput = z.input<typeof PricingSchema>;

export const DEFAULT_PRICING: Pricing = PricingSchema.parse({});

/** The project price for an id: the pricing file's entry, else the default. */
export function projectPrice(pricing: Pricing, id: string): ProjectPrice | undefined {
  const custom = pricing.projects[id];
  if (custom) return custom;
  const fallback = DEFAULT_PROJECTS[id];
  return fallback ? ProjectPriceSchema.parse(fallback) : undefined;
}
