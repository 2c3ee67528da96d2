/**
 * Cheap checks before parsing: recognise what a file is when it is not nmap XML, so the user
 * gets "a PNG image" rather than a parser message, and repair a scan cut short.
 */
export function notNmapXmlReason(text: string): string | undefined {
  const head = text
    .replace(/^\uFEFF/, "")
    .trimStart()
    .slice(0, 512);
  if (head === "") return "the file is empty";
  if (/^[\u0089\uFFFD]?PNG\r?\n/.test(head)) return "a PNG image";
  if (head.startsWith("%PDF")) return "a PDF document";
  if (/^\uFFFD\uFFFD\uFFFD/.test(head) || head.startsWith("\u001f\uFFFD")) return "binary data";
  if (head.startsWith("PK\u0003\u0004")) return "a ZIP archive";
  if (head.includes("\u0000")) return "binary data";
  if (head.startsWith("{") || head.startsWith("[")) return "JSON, not XML";
  if (/^# Nmap \d/.test(head)) return "nmap's normal or grepable output (-oN/-oG), not XML (-oX)";
  if (/^Starting Nmap /.test(head)) return "nmap's screen output, not XML (-oX)";
  if (!head.startsWith("<")) return "plain text, not XML";
  if (/^(?:<!doctype html|<html[\s>])/i.test(head)) return "an HTML page, not XML";
  if (!/<nmaprun[\s>]/.test(text)) return "XML without an <nmaprun> element";
  return undefined;
}

export interface Recovered {
  xml: string;
  truncated: boolean;
  /** The address of the host nmap was writing when the file ends, when it can be read. */
  incompleteHost?: string;
  incompleteHostSeen: boolean;
}

/**
 * An interrupted scan has no `</nmaprun>`: keep everything up to the last complete `</host>`
 * (or, before any host finished, up to the first `<host>`), then close the document.
 * `</host>` cannot occur inside data: nmap escapes `<` in attributes and text.
 */
export function recoverTruncated(text: string): Recovered {
  if (/<\/nmaprun>\s*(?:<!--[\s\S]*?-->\s*)*$/.test(text))
    return { xml: text, truncated: false, incompleteHostSeen: false };
  const lastHostEnd = text.lastIndexOf("</host>");
  let cut: number;
  if (lastHostEnd !== -1) cut = lastHostEnd + "</host>".length;
  else {
    const firstHost = text.search(/<host[\s>]/);
    cut = firstHost !== -1 ? firstHost : text.lastIndexOf(">") + 1;
  }
  const tail = text.slice(cut);
  const partial = tail.search(/<host[\s>]/);
  const address = partial === -1 ? undefined : /<address addr="([^"]{1,64})"/.exec(tail.slice(partial))?.[1];
  return {
    xml: `${text.slice(0, cut)}\n</nmaprun>\n`,
    truncated: true,
    incompleteHostSeen: partial !== -1,
    ...(address ? { incompleteHost: address } : {}),
  };
}
