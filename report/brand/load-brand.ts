import { readFile } from "node:fs/promises";
import { basename, dirname, extname, isAbsolute, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { UsageError } from "../../lib/errors.js";
import { formatPath } from "../../schema/issues.js";
import { type Brand, BrandFileSchema } from "./brand-schema.js";
import { DEFAULT_BRAND } from "./default-brand.js";

const LOGO_TYPES: Record<string, string> = {
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
};
const MAX_LOGO_BYTES = 2 * 1024 * 1024;

/** Reads brand.yaml, fills defaults and inlines the logo. Errors name the file and the field. */
export async function loadBrandFile(path: string): Promise<Brand> {
  const name = basename(path);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `${path}: ${code === "ENOENT" ? "no such file" : `cannot read it (${code ?? "error"})`}`,
      "check the --brand path, or write an example with `sweetspot brand --init`",
    );
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new UsageError(`${name}: not valid YAML (${(error as Error).message.split("\n")[0]})`);
  }
  return resolveBrand(raw, { fileLabel: name, baseDir: dirname(resolve(path)) });
}

export async function resolveBrand(
  raw: unknown,
  where: { fileLabel: string; baseDir: string },
): Promise<Brand> {
  const parsed = BrandFileSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue ? formatPath(issue.path) : "(document)";
    const message =
      issue?.code === "unrecognized_keys" ? `unknown field(s) ${issue.keys.join(", ")}` : issue?.message;
    throw new UsageError(
      `${where.fileLabel}: ${field}: ${message}`,
      "see `sweetspot brand --init` for every field",
    );
  }
  const file = parsed.data;
  const brand: Brand = {
    company: file.company,
    colors: {
      primary: file.colors?.primary ?? DEFAULT_BRAND.colors.primary,
      accent: file.colors?.accent ?? DEFAULT_BRAND.colors.accent,
    },
    font: file.font ?? DEFAULT_BRAND.font,
    contact: { ...file.contact },
    footer: file.footer ?? DEFAULT_BRAND.footer,
    disclaimer: file.disclaimer ?? DEFAULT_BRAND.disclaimer,
    paper: file.paper ?? DEFAULT_BRAND.paper,
  };
  if (file.logo) brand.logoDataUrl = await logoDataUrl(file.logo, where);
  return brand;
}

/**
 * The logo becomes a data: URL shown through <img>: an SVG in img context never runs scripts
 * nor loads anything, so SVG logos need no sanitising.
 */
async function logoDataUrl(logo: string, where: { fileLabel: string; baseDir: string }): Promise<string> {
  const type = LOGO_TYPES[extname(logo).toLowerCase()];
  if (!type) {
    throw new UsageError(
      `${where.fileLabel}: logo: ${logo} is not a PNG, SVG or JPEG file`,
      "convert the logo to one of those",
    );
  }
  const path = isAbsolute(logo) ? logo : resolve(where.baseDir, logo);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    throw new UsageError(
      `${where.fileLabel}: logo: file ${logo} not found`,
      `give a path relative to ${where.fileLabel}`,
    );
  }
  if (bytes.length > MAX_LOGO_BYTES) {
    throw new UsageError(`${where.fileLabel}: logo: ${logo} is larger than 2 MB`, "use a smaller image");
  }
  return `data:${type};base64,${bytes.toString("base64")}`;
}
