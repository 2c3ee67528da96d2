import { readFile } from "node:fs/promises";
import { join } from "node:path";
import Handlebars from "handlebars";
import { packageRoot } from "../../lib/package-root.js";
import type { Changes } from "../../schema/assessment.js";
import type { Brand } from "../brand/brand-schema.js";
import { deepSafe, safeText } from "../render/safe-text.js";
import { toChangesView } from "./changes-view.js";

export interface ChangeReportInput {
  changes: Changes;
  client: { name: string; site?: string };
  brand: Brand;
  /** When the newer audit started (ISO). */
  currentStartedAt: string;
}

// The short change report's page shell; its body is the same partial the main report uses.
const SHELL = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:">
<title>{{title}}</title>
<style>
  body { font-family: "{{brand.font}}", Helvetica, Arial, sans-serif; font-size: 10pt; color: #222; margin: 0; }
  .cr-head { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 3px solid {{brand.colors.primary}}; padding-bottom: 8px; margin-bottom: 14px; }
  .cr-head h1 { font-size: 18pt; margin: 0; color: {{brand.colors.primary}}; }
  .cr-head .cr-sub { color: #555; margin-top: 2px; }
  .cr-head img { max-height: 42px; max-width: 180px; }
  .cr-brand { text-align: right; color: #555; font-size: 9pt; }
  h2 { color: {{brand.colors.primary}}; font-size: 14pt; }
  body section.chg { break-before: auto; }
</style>
</head>
<body>
<header class="cr-head">
  <div><h1>{{clientName}}</h1><div class="cr-sub">Change report · {{period}}</div></div>
  <div class="cr-brand">{{#if brand.logoDataUrl}}<img src="{{brand.logoDataUrl}}" alt=""><br>{{/if}}{{brand.company}}</div>
</header>
{{> changes}}
</body>
</html>`;

/** A self-contained HTML page: the "Since the last assessment" section and its trend chart, branded. */
export async function renderChangeReportHtml(input: ChangeReportInput): Promise<string> {
  const handlebars = Handlebars.create();
  const partial = await readFile(join(packageRoot(), "templates", "partials", "changes.hbs"), "utf8");
  handlebars.registerPartial("changes", partial);
  const template = handlebars.compile(SHELL, { strict: false });
  const changes = toChangesView(deepSafe(input.changes));
  const clientName = safeText(
    input.client.site ? `${input.client.name} — ${input.client.site}` : input.client.name,
  );
  const period = `${changes.sinceDate} → ${longDate(input.currentStartedAt)}`;
  return template({
    title: `${clientName}: change report`,
    clientName,
    period,
    brand: input.brand,
    changes,
  });
}

function longDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return safeText(iso);
  return date.toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}
