import { defineRule } from "./define-rule.js";
import { derived } from "./rule-helpers.js";

export default defineRule({
  meta: {
    id: "wifi-open-or-wep",
    title: "A Wi-Fi network is open or uses broken encryption (WEP/WPA)",
    passTitle: "Wi-Fi networks use WPA2 or WPA3",
    category: "wireless",
    defaultSeverity: "high",
    impact:
      "Anyone in the car park can join an open or WEP network in minutes and reach the office's computers.",
    recommendation:
      "Switch these networks to WPA2/WPA3 (Enterprise for staff where possible) and put guests on an isolated network.",
    references: [
      "https://csrc.nist.gov/pubs/sp/800/153/final",
      "https://www.wi-fi.org/discover-wi-fi/security",
    ],
    projectId: "wifi-upgrade",
  },
  evaluate(ctx) {
    const { wifi } = ctx.environment.network;
    if (wifi.networks.length === 0) return { status: "not-applicable" };
    if (wifi.weak.length === 0) return { status: "pass" };
    return {
      status: "fail",
      hosts: [],
      evidence: wifi.weak.map((ssid) => {
        const network = wifi.networks.find((entry) => entry.ssid === ssid);
        return derived(
          "environment.network.wifi.weak",
          `${ssid}: ${network?.security ?? "open or weak"}`,
          "seen from the agent's Wi-Fi adapter",
        );
      }),
    };
  },
});
