import type { ScriptData, ScriptResult, Scripts } from "../../schema/audit.js";
import type { StringCap } from "./xml-string-cap.js";
import { attr, children, textOf, type XmlNode } from "./xml-tree.js";

/**
 * NSE structured output → ScriptData. An `<elem>` is its text; a `<table>` (and the `<script>`
 * itself) becomes:
 * - an object when every child has a `key`;
 * - an array when no child has one (an empty table is `[]`);
 * - when keyed and unkeyed children mix (a Lua table with both a hash and an array part), an
 *   object where unkeyed children sit under their 1-based position ("1", "2", … as Lua numbers
 *   them; a position already used by a real key gets a "#" appended).
 * A repeated key keeps every value: the second becomes "key#2", and so on.
 * The parser groups children by element name, so within an unkeyed table the `<elem>`s come
 * before the `<table>`s; NSE scripts do not mix the two in a list.
 */
export function scriptDataOf(
  node: XmlNode,
  cap: StringCap,
  where: string,
  host?: string,
): ScriptData | undefined {
  if (!children(node, "elem").length && !children(node, "table").length) return undefined;
  return tableData(node, cap, where, host);
}

function tableData(node: XmlNode, cap: StringCap, where: string, host?: string): ScriptData {
  const entries: { key?: string; value: ScriptData }[] = [];
  for (const elem of children(node, "elem")) {
    const key = attr(elem, "key");
    entries.push({ key, value: cap.cap(textOf(elem), `${where}${key ? `.${key}` : ""}`, host) });
  }
  for (const table of children(node, "table")) {
    const key = attr(table, "key");
    entries.push({ key, value: tableData(table, cap, `${where}${key ? `.${key}` : ""}`, host) });
  }
  if (entries.every((entry) => entry.key === undefined)) return entries.map((entry) => entry.value);

  const out: { [key: string]: ScriptData } = {};
  // defineProperty: a key such as "__proto__" from a hostile host stays plain data.
  const put = (key: string, value: ScriptData) =>
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  const free = (key: string) => {
    if (!Object.hasOwn(out, key)) return key;
    for (let n = 2; ; n++) if (!Object.hasOwn(out, `${key}#${n}`)) return `${key}#${n}`;
  };
  for (const entry of entries) if (entry.key !== undefined) put(free(entry.key), entry.value);
  let position = 0;
  for (const entry of entries) {
    if (entry.key !== undefined) continue;
    position++;
    let key = String(position);
    while (Object.hasOwn(out, key)) key += "#";
    put(key, entry.value);
  }
  return out;
}

/** Every `<script>` child of a node (a port or `<hostscript>`), keyed by script id. */
export function scriptsOf(node: XmlNode | undefined, cap: StringCap, where: string, host?: string): Scripts {
  const scripts: Scripts = {};
  for (const script of children(node, "script")) {
    const id = attr(script, "id");
    if (!id) continue;
    const result: ScriptResult = {
      output: cap.cap(attr(script, "output") ?? "", `${where} script ${id} output`, host),
    };
    const data = scriptDataOf(script, cap, `${where} script ${id} data`, host);
    if (data !== undefined) result.data = data;
    Object.defineProperty(scripts, id, {
      value: result,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return scripts;
}
