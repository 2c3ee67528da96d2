import { defineCheck } from "./check.js";

export const chromiumCheck = defineCheck({
  id: "chromium",
  required: true,
  async run(probes) {
    const found = probes.findChromium();
    const install = {
      debian: "sudo apt-get install chromium (Ubuntu: sudo snap install chromium), or set CHROME_PATH",
      macos: "brew install --cask chromium, or set CHROME_PATH",
      windows: "winget install Google.Chrome, or set CHROME_PATH",
    };
    if (!found.path) {
      const where = probes.env.CHROME_PATH
        ? ` (CHROME_PATH=${probes.env.CHROME_PATH} is not executable)`
        : "";
      return {
        id: "chromium",
        status: "fail",
        message: `Chromium/Chrome not found${where} (needed for the PDF report)`,
        install,
      };
    }
    // --version only: prints the version and exits, without starting a browser.
    const output = await probes.run(found.path, ["--version"]);
    const version = /(\d+\.\d+\.\d+\.\d+)/.exec(output.stdout)?.[1];
    if (!output.ok || !version) {
      return {
        id: "chromium",
        status: "fail",
        message: `${found.path} does not run (--version failed)`,
        install,
      };
    }
    const name = /^(.*?)\s+\d+\./.exec(output.stdout.trim())?.[1] ?? "Chromium";
    return {
      id: "chromium",
      status: "ok",
      message: `${name} ${version} at ${found.path} (via ${found.via})`,
    };
  },
});
