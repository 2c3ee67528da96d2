import { z } from "zod";

/**
 * Interview answers (answers.yaml): what a scan cannot see. Every field is optional; a missing
 * answer leaves the fact "unknown" and becomes a question in the report, never an "absent".
 */
export const SUPPORT_KINDS = ["none", "friend-or-relative", "moonlighter", "break-fix", "msp", "in-house"] as const;
export const INDUSTRIES = [
  "medical",
  "dental",
  "legal",
  "finance",
  "accounting",
  "insurance",
  "engineering",
  "architecture",
  "construction",
  "manufacturing",
  "retail",
  "hospitality",
  "nonprofit",
  "education",
  "real-estate",
  "professional-services",
  "other",
] as const;

export const AcceptedFindingSchema = z.object({
  /** Finding id, e.g. "telnet-open". */
  id: z.string(),
  /** The host it is accepted for (IP); omit to accept it for every host. */
  host: z.string().optional(),
  reason: z.string().min(1),
  acceptedBy: z.string().optional(),
});

export const AnswersSchema = z
  .object({
    client: z.object({ name: z.string().optional(), site: z.string().optional() }).strict().optional(),
    employees: z.number().int().min(0).optional(),
    /** Burdened cost of one employee-hour (wages + overhead), in the pricing currency. */
    hourlyCostPerEmployee: z.number().min(0).optional(),
    /** Revenue lost per hour when systems are down (optional; added to staff cost). */
    revenuePerHour: z.number().min(0).optional(),
    annualRevenue: z.number().min(0).optional(),
    workingHoursPerDay: z.number().min(1).max(24).optional(),
    industry: z.enum(INDUSTRIES).optional(),
    offsiteBackup: z
      .object({
        provider: z.string().optional(),
        /** yes | no | unknown as the client says */
        exists: z.enum(["yes", "no", "unknown"]).optional(),
      })
      .strict()
      .optional(),
    /** ISO date (YYYY-MM-DD) of the last successful restore test, or "never". */
    lastRestoreTest: z.union([z.literal("never"), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]).optional(),
    antivirus: z
      .object({
        product: z.string().optional(),
        managed: z.boolean().optional(),
      })
      .strict()
      .optional(),
    currentSupport: z.enum(SUPPORT_KINDS).optional(),
    /** What the client budgets for IT a month today, if they say. */
    monthlyItBudget: z.number().min(0).optional(),
    hasUps: z.enum(["yes", "no", "unknown"]).optional(),
    hasFirewall: z.enum(["yes", "no", "unknown"]).optional(),
    remoteWorkers: z.number().int().min(0).optional(),
    painPoints: z.array(z.string()).optional(),
    notes: z.string().optional(),
    accepted: z.array(AcceptedFindingSchema).optional(),
  })
  .strict();

export type Answers = z.infer<typeof AnswersSchema>;
export type AcceptedFinding = z.infer<typeof AcceptedFindingSchema>;
