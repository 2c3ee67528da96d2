import { defineCheck, type InstallHint } from "./check.js";

const POSSIBLE = "SYN scan and OS detection possible";
const NOT_POSSIBLE =
  "SYN scan and OS detection not possible: sweetspot falls back to a TCP connect scan without OS detection";

const GRANT: InstallHint = {
  debian:
    "run sweetspot with sudo, or: sudo setcap cap_net_raw,cap_net_admin,cap_net_bind_service+eip $(command -v nmap)",
  macos: "run sweetspot with sudo",
  windows: "run sweetspot from an Administrator terminal (nmap's installer adds Npcap)",
};

/** Raw sockets (root, or CAP_NET_RAW on the nmap binary) decide SYN scan and OS fingerprinting. */
export const rawSocketCheck = defineCheck({
  id: "raw-sockets",
  required: false,
  async run(probes) {
    const id = "raw-sockets";
    if (probes.platform === "win32") {
      return {
        id,
        status: "info",
        message: `raw sockets (Windows): ${POSSIBLE} from an Administrator terminal with Npcap installed (not checked)`,
      };
    }
    if (probes.isRoot) return { id, status: "ok", message: `raw sockets: running as root, ${POSSIBLE}` };
    if (probes.platform === "linux") {
      const nmap = probes.which("nmap");
      const getcap = probes.which("getcap");
      if (nmap && getcap) {
        const caps = await probes.run(getcap, [nmap]);
        if (/cap_net_raw/i.test(caps.stdout)) {
          return {
            id,
            status: "ok",
            message: `raw sockets: nmap has CAP_NET_RAW, ${POSSIBLE} (with nmap --privileged)`,
          };
        }
      }
    }
    return {
      id,
      status: "warn",
      message: `raw sockets: not root and nmap has no CAP_NET_RAW, ${NOT_POSSIBLE}`,
      install: GRANT,
    };
  },
});
