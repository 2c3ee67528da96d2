import { host } from "./devices.js";
import { macFor, type ScenarioSpec } from "./types.js";

/**
 * A network nobody vouches for: every string a device can send is hostile (script and event-handler
 * HTML, Handlebars `{{…}}`, 10 kB banners, bytes that are not UTF-8), one host accepts TCP and
 * never answers (a tarpit), one resets every connection. What the report must do with them:
 * keep them as data in the Audit, show them escaped and capped, run nothing, load nothing.
 *
 * The tarpit and reset hosts are served by test/lab/daemons/hostile-tcp.ts, which the lab engine
 * does not know: HOSTILE_TCP lists them as data and test/integration/hardening-hostile.test.ts
 * starts them in those hosts' namespaces after bring-up (the lab's teardown ends every process in a
 * lab namespace, so they go with the lab).
 */

/** `<script>`, an event handler and a template expression, for every text field a device controls. */
export const HOSTILE = {
  scriptTitle: "<script>alert(1)</script>Router login",
  imgTitle: '<img src=x onerror="alert(2)">Printer',
  /** 240 characters (SNMP allows 255): past the report's 200-character cap for network text. */
  sysDescr: `<script>alert(3)</script>{{constructor.constructor('alert(4)')()}} <img src=http://203.0.113.1/x.png> ${"Z".repeat(130)}`,
  sysLocation: "{{#each this}}{{/each}}<b>Server room</b>",
  sysContact: 'it"><svg onload=alert(5)>',
  workgroup: "{{7*7}}<B>",
  serverString: "<img src=x onerror=alert(6)>{{lookup . 'x'}}",
  /** The first bytes of the 10 kB banner (the rest is filler and bytes that are not UTF-8). */
  bannerStart: "220 <script>alert(7)</script>{{this}} FTP",
} as const;

/** 10 kB, latin1 so that C3 28, FE, FF A0 and lone C0 reach the wire as bytes invalid in UTF-8. */
export const BIG_BANNER = `${HOSTILE.bannerStart} ${"\xc3\x28\xfe\xa0\xc0 ".repeat(40)}${"A".repeat(10_240 - 240)}\r\n`;

export interface HostileTcpPort {
  port: number;
  /** tarpit: accept and never send nor close; reset: accept and answer with a TCP RST. */
  behaviour: "tarpit" | "reset";
}

/** Extra TCP listeners per host key, started by the hostile integration test (see above). */
export const HOSTILE_TCP: Record<string, HostileTcpPort[]> = {
  tarpit: [21, 22, 23, 25, 80, 139, 443, 445, 3389, 8080].map((port) => ({ port, behaviour: "tarpit" as const })),
  reset: [21, 22, 80, 443, 445, 8080].map((port) => ({ port, behaviour: "reset" as const })),
};

export const hostile: ScenarioSpec = {
  name: "hostile",
  net: "10.77.66",
  gatewayKey: "rtr",
  dnsKey: "rtr",
  searchDomain: "lan",
  directory: { kind: "workgroup", name: HOSTILE.workgroup, controllerKeys: [] },
  firewall: { grade: "consumer", vendor: "TP-Link" },
  backup: { onsite: "no", offsite: "unknown" },
  ups: "no",
  expectedVerdict: "too-small",
  agent: { octet: 150, mac: macFor("B8:27:EB", "sweetspot-agent") },
  hosts: [
    host("tplink", {
      key: "rtr",
      name: "router",
      octet: 1,
      role: "router",
      notes: "consumer router: DNS (dnsmasq) and an admin page whose title carries a <script>",
      daemons: [
        { kind: "dnsmasq", domain: "lan" },
        { kind: "listener", ports: [{ port: 80, httpTitle: HOSTILE.scriptTitle }] },
      ],
    }),
    host("hp", {
      key: "prn",
      name: "printer",
      octet: 20,
      role: "printer",
      notes: "HTML title with an <img onerror>, a 10 kB FTP banner with bytes invalid in UTF-8, hostile SNMP strings",
      daemons: [
        { kind: "listener", ports: [{ port: 80, httpTitle: HOSTILE.imgTitle }, { port: 21, banner: BIG_BANNER }] },
        {
          kind: "snmpd",
          sysDescr: HOSTILE.sysDescr,
          sysObjectID: ".1.3.6.1.4.1.11.2.3.9.1",
          sysLocation: HOSTILE.sysLocation,
          sysContact: HOSTILE.sysContact,
        },
      ],
    }),
    host("dell", {
      key: "pc1",
      name: "pc1",
      octet: 101,
      role: "workstation",
      windowsTtl: true,
      notes: "NetBIOS workgroup and server string with {{…}} and HTML",
      daemons: [
        { kind: "nmbd", workgroup: HOSTILE.workgroup, serverString: HOSTILE.serverString },
        { kind: "listener", ports: [{ port: 135 }, { port: 445 }] },
      ],
    }),
    host("lenovo", {
      key: "tarpit",
      name: "tarpit",
      octet: 66,
      role: "unknown",
      notes: "accepts every TCP connection on its ports and never answers nor closes (HOSTILE_TCP)",
      daemons: [],
    }),
    host("msi", {
      key: "reset",
      name: "reset",
      octet: 67,
      role: "unknown",
      notes: "answers every TCP connection on its ports with a reset (HOSTILE_TCP)",
      daemons: [],
    }),
  ],
};
