/**
 * Accessors over fast-xml-parser's output, configured so that every element is an array
 * (`isArray` always true) and attributes carry the "@_" prefix. An element holding only text and
 * no attributes comes back as a bare string; `children` turns it into a node so callers see one shape.
 */
export type XmlNode = { [key: string]: unknown };

export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  if (!Array.isArray(value)) return [];
  return value.map((item) =>
    typeof item === "object" && item !== null ? (item as XmlNode) : { "#text": String(item) },
  );
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return children(node, name)[0];
}

export function attr(node: XmlNode | undefined, name: string): string | undefined {
  const value = node?.[`@_${name}`];
  return typeof value === "string" ? value : undefined;
}

export function numberAttr(node: XmlNode | undefined, name: string): number | undefined {
  const text = attr(node, name);
  if (text === undefined || text.trim() === "") return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

export function textOf(node: XmlNode | undefined): string {
  const value = node?.["#text"];
  return typeof value === "string" ? value : "";
}

/** An nmap epoch-seconds attribute as an ISO timestamp. */
export function epochAttr(node: XmlNode | undefined, name: string): string | undefined {
  const seconds = numberAttr(node, name);
  if (seconds === undefined || seconds <= 0) return undefined;
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
