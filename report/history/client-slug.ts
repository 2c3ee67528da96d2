/**
 * The folder name for a client: lower case ASCII letters, digits and dashes, so "Acme & Sons, Inc."
 * and "acme-sons-inc" land in the same folder and the name is safe on every file system.
 */
export function clientSlug(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/, "");
  return slug || "unnamed-client";
}
