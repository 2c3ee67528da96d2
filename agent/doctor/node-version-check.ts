import { defineCheck } from "./check.js";

export const MIN_NODE = [20, 19] as const;

export function nodeVersionOk(version: string): boolean {
  const [major = 0, minor = 0] = version.replace(/^v/, "").split(".").map(Number);
  return major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
}

export const nodeVersionCheck = defineCheck({
  id: "node",
  required: true,
  async run(probes) {
    const version = probes.nodeVersion.replace(/^v/, "");
    const needed = `${MIN_NODE.join(".")} or newer`;
    if (nodeVersionOk(version))
      return { id: "node", status: "ok", message: `Node.js ${version} (${needed} needed)` };
    return {
      id: "node",
      status: "fail",
      message: `Node.js ${version} is too old (${needed} needed)`,
      install: {
        debian:
          "curl -fsSL https://deb.nodesource.com/setup_22.x | sudo -E bash - && sudo apt-get install -y nodejs",
        macos: "brew install node@22",
        windows: "winget install OpenJS.NodeJS.LTS",
      },
    };
  },
});
