import { defineCheck } from "./check.js";

export const pingCheck = defineCheck({
  id: "ping",
  required: false,
  async run(probes) {
    const path = probes.which(probes.platform === "win32" ? "ping.exe" : "ping");
    if (path) return { id: "ping", status: "ok", message: `ping at ${path}` };
    return {
      id: "ping",
      status: "warn",
      message: "ping not found: gateway, DNS and internet latency are left out of the audit",
      install: {
        debian: "sudo apt-get install iputils-ping",
        macos: "(built in: check PATH)",
        windows: "(built in: check PATH)",
      },
    };
  },
});
