import { z } from "zod";

const COLOR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const colour = (what: string) => z.string().regex(COLOR, `${what} must be a hex colour like "#1f4e79"`);

/** brand.yaml as the consultant writes it. Unknown keys are refused so a typo is noticed. */
export const BrandFileSchema = z
  .object({
    company: z.string().min(1).max(120),
    /** PNG, SVG or JPEG; a path relative to brand.yaml. Inlined into the report as a data: URL. */
    logo: z.string().min(1).optional(),
    colors: z
      .object({ primary: colour("colors.primary").optional(), accent: colour("colors.accent").optional() })
      .strict()
      .optional(),
    /** A font family installed on the machine that renders the PDF. */
    font: z
      .string()
      .max(80)
      .regex(/^[A-Za-z0-9 -]+$/, 'font must be a plain family name like "Noto Sans"')
      .optional(),
    contact: z
      .object({
        name: z.string().max(120).optional(),
        email: z.string().max(120).optional(),
        phone: z.string().max(60).optional(),
        website: z.string().max(200).optional(),
      })
      .strict()
      .optional(),
    footer: z.string().max(200).optional(),
    disclaimer: z.string().max(2000).optional(),
    paper: z.enum(["Letter", "A4"]).optional(),
  })
  .strict();
export type BrandFile = z.infer<typeof BrandFileSchema>;

/** The resolved brand the renderer uses: every field filled, the logo already a data: URL. */
export interface Brand {
  company: string;
  logoDataUrl?: string;
  colors: { primary: string; accent: string };
  font: string;
  contact: { name?: string; email?: string; phone?: string; website?: string };
  footer: string;
  disclaimer: string;
  paper: "Letter" | "A4";
}
