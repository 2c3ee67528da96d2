import { defineCheck, type InstallHint } from "./check.js";

export const NMAP_INSTALL: InstallHint = {
  debian: "sudo apt-get install nmap",
  macos: "brew install nmap",
  windows: "winget install Insecure.Nmap",
};

export const nmapCheck = defineCheck({
  id: "nmap",
  required: true,
  async run(probes) {
    const path = probes.which("nmap");
    if (!path)
      return {
        id: "nmap",
        status: "fail",
        message: "nmap not found on PATH (needed to scan)",
        install: NMAP_INSTALL,
      };
    const output = await probes.run(path, ["--version"]);
    const version = /Nmap version (\S+)/.exec(output.stdout)?.[1];
    if (!output.ok || !version) {
      return {
        id: "nmap",
        status: "fail",
        message: `nmap at ${path} does not run (nmap --version failed)`,
        install: NMAP_INSTALL,
      };
    }
    return { id: "nmap", status: "ok", message: `nmap ${version} at ${path}` };
  },
});
