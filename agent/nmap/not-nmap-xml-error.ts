/**
 * The input is not an nmap XML scan (an image, an empty file, HTML, JSON, nmap's normal output,
 * XML of another tool…). `reason` is short and fit for "FILE: not an nmap XML scan (reason)".
 */
export class NotNmapXmlError extends Error {
  constructor(readonly reason: string) {
    super(`not an nmap XML scan (${reason})`);
    this.name = "NotNmapXmlError";
  }
}
