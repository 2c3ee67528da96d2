import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { writeExampleBrand } from "../../../cli/commands/brand.js";
import { UsageError } from "../../../lib/errors.js";
import { BrandFileSchema } from "../../../report/brand/brand-schema.js";
import { loadBrandFile } from "../../../report/brand/load-brand.js";

const made: string[] = [];
afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

async function brandDir(files: Record<string, string | Buffer>) {
  const dir = await mkdtemp(join(tmpdir(), "sweetspot-brand-"));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return dir;
}

async function errorOf(promise: Promise<unknown>): Promise<UsageError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UsageError);
  return error as UsageError;
}

describe("brand.yaml", () => {
  it("fills defaults and inlines a PNG logo as a data: URL", async () => {
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
    const dir = await brandDir({
      "brand.yaml": "company: Northwind IT\nlogo: ./logo.png\n",
      "logo.png": png,
    });
    const brand = await loadBrandFile(join(dir, "brand.yaml"));
    expect(brand.company).toBe("Northwind IT");
    expect(brand.paper).toBe("Letter");
    expect(brand.logoDataUrl).toBe(`data:image/png;base64,${png.toString("base64")}`);
  });

  it("embeds an SVG logo as an image (never inline markup, so its scripts cannot run)", async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    const dir = await brandDir({ "brand.yaml": "company: X\nlogo: logo.svg\n", "logo.svg": svg });
    const brand = await loadBrandFile(join(dir, "brand.yaml"));
    expect(brand.logoDataUrl?.startsWith("data:image/svg+xml;base64,")).toBe(true);
  });

  it.each([
    [
      "company: X\nlogo: ./logo.png\n",
      "brand.yaml: logo: file ./logo.png not found — give a path relative to brand.yaml",
    ],
    ["company: X\nlogo: ./logo.gif\n", "brand.yaml: logo: ./logo.gif is not a PNG, SVG or JPEG file"],
    [
      "company: X\ncolors:\n  primary: red\n",
      'brand.yaml: colors.primary: colors.primary must be a hex colour like "#1f4e79"',
    ],
    ["company: X\npaper: A5\n", "brand.yaml: paper:"],
    ["company: X\ncolour: blue\n", "brand.yaml: (document): unknown field(s) colour"],
    ["logo: x.png\n", "brand.yaml: company:"],
    [
      "company: X\nfont: 'Arial; } body { display:none'\n",
      "brand.yaml: font: font must be a plain family name",
    ],
    ["company: [unclosed\n", "brand.yaml: not valid YAML"],
  ])("%j is refused naming the field", async (yaml, message) => {
    const dir = await brandDir({ "brand.yaml": yaml });
    const error = await errorOf(loadBrandFile(join(dir, "brand.yaml")));
    expect(error.line.startsWith(message)).toBe(true);
    expect(error.exitCode).toBe(2);
  });

  it("names a missing brand file", async () => {
    const error = await errorOf(loadBrandFile("/nonexistent/brand.yaml"));
    expect(error.message).toBe("/nonexistent/brand.yaml: no such file");
  });

  it("brand --init writes a commented example that is itself valid, and will not overwrite", async () => {
    const dir = await brandDir({});
    const path = join(dir, "brand.yaml");
    await writeExampleBrand(path, false);
    const text = await readFile(path, "utf8");
    expect(text).toContain("# Paper size: Letter or A4.");
    expect(BrandFileSchema.safeParse(parseYaml(text)).success).toBe(true);
    await loadBrandFile(path);
    const error = await errorOf(writeExampleBrand(path, false));
    expect(error.message).toContain("already exists");
  });
});
