import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import Handlebars from "handlebars";
import { packageRoot } from "../../lib/package-root.js";
import type { Assessment } from "../../schema/assessment.js";
import type { Brand } from "../brand/brand-schema.js";
import { contentHeightMm, pageCss } from "./page-geometry.js";
import { type ReportViewModel, toViewModel, type ViewModelOptions } from "./view-model.js";

export interface CompiledTemplates {
  render(viewModel: ReportViewModel, brand: Brand): string;
}

let cached: CompiledTemplates | undefined;

/** Compiles templates/report.hbs with every templates/partials/*.hbs registered by file name. */
export function compileTemplates(templatesDir = join(packageRoot(), "templates")): CompiledTemplates {
  if (cached && templatesDir === join(packageRoot(), "templates")) return cached;
  const hbs = Handlebars.create();
  for (const file of readdirSync(join(templatesDir, "partials"))
    .filter((name) => name.endsWith(".hbs"))
    .sort()) {
    hbs.registerPartial(basename(file, ".hbs"), readFileSync(join(templatesDir, "partials", file), "utf8"));
  }
  // The only helper: templates compare a status; all other logic lives in view-model.ts.
  hbs.registerHelper("eq", (a: unknown, b: unknown) => a === b);
  const template = hbs.compile(readFileSync(join(templatesDir, "report.hbs"), "utf8"), {
    strict: false,
    noEscape: false,
  });
  const css = readFileSync(join(templatesDir, "report.css"), "utf8");
  const compiled: CompiledTemplates = {
    render: (viewModel, brand) => template({ ...viewModel, css: `${brandCss(brand)}\n${css}` }),
  };
  if (templatesDir === join(packageRoot(), "templates")) cached = compiled;
  return compiled;
}

/** Assessment + brand → one self-contained HTML document (CSS inline, images as data: URLs). */
export function renderHtml(assessment: Assessment, brand: Brand, options: ViewModelOptions = {}): string {
  return compileTemplates().render(toViewModel(assessment, brand, options), brand);
}

// --- internal ---

const HEX = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const FONT = /^[A-Za-z0-9 -]+$/;

/** Brand values become CSS variables; each is re-validated here because it lands in a <style>. */
function brandCss(brand: Brand): string {
  const primary = HEX.test(brand.colors.primary) ? brand.colors.primary : "#1f3a5f";
  const accent = HEX.test(brand.colors.accent) ? brand.colors.accent : "#2a9d8f";
  const font = FONT.test(brand.font) ? brand.font : "Liberation Sans";
  const paper = brand.paper === "A4" ? "A4" : "Letter";
  return [
    pageCss(paper),
    `:root { --brand-primary: ${primary}; --brand-accent: ${accent}; --brand-font: "${font}"; --content-height: ${contentHeightMm(paper)}mm; }`,
  ].join("\n");
}
