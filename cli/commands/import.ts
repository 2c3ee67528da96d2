import type { Command } from "commander";
import { writeFileAtomic } from "../../lib/atomic-write.js";
import { buildAuditFromScans, readNmapScans } from "../../agent/import-nmap.js";

interface ImportFlags {
  out: string;
  client: string;
  site?: string;
}

export function registerImport(program: Command): void {
  program
    .command("import")
    .description(
      "turn nmap XML scans (nmap -oX) made elsewhere into one Audit; the same host in several files becomes one host",
    )
    .argument("<files...>", "nmap XML files")
    .requiredOption("--out <file>", "the Audit JSON to write")
    .option("--client <name>", "the client's name", "Unnamed client")
    .option("--site <name>", "the site or office scanned")
    .action(async (files: string[], flags: ImportFlags) => {
      const scans = await readNmapScans(files);
      const audit = buildAuditFromScans(scans, {
        client: { name: flags.client, ...(flags.site ? { site: flags.site } : {}) },
      });
      await writeFileAtomic(flags.out, `${JSON.stringify(audit, null, 2)}\n`, { mode: 0o600 });
      for (const warning of audit.warnings) process.stderr.write(`! ${warning.message}\n`);
      const open = audit.hosts.reduce(
        (n, host) => n + host.services.filter((s) => s.state === "open").length,
        0,
      );
      const partial = audit.status === "partial" ? " (partial: a scan was interrupted)" : "";
      process.stdout.write(
        `Imported ${plural(audit.hosts.length, "host")} with ${plural(open, "open port")} from ${plural(files.length, "nmap file")} → ${flags.out}${partial}\n`,
      );
    });
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
