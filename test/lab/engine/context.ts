import { join } from "node:path";
import type { HostSpec, ScenarioSpec } from "../scenarios/types.js";
import { nsName, runDir } from "./paths.js";

/** The "internet" beyond the firewall: TEST-NET-3, never routed anywhere real. */
export const INTERNET = { net: "203.0.113", target: "203.0.113.1", firewallSide: "203.0.113.2", prefix: 24 };

const RESERVED_KEYS = new Set(["sw", "agent", "inet"]);

/** Everything the engine derives from a scenario and a run id. */
export class LabContext {
  readonly dir: string;
  readonly switchNs: string;
  readonly agentNs: string;
  readonly internetNs: string;

  constructor(
    readonly spec: ScenarioSpec,
    readonly runId: string,
  ) {
    this.dir = runDir(runId);
    this.switchNs = nsName(runId, "sw");
    this.agentNs = nsName(runId, "agent");
    this.internetNs = nsName(runId, "inet");
    const seen = new Set<string>();
    for (const h of spec.hosts) {
      if (!/^[a-z0-9]{1,8}$/.test(h.key) || RESERVED_KEYS.has(h.key) || seen.has(h.key)) {
        throw new Error(
          `lab scenario ${spec.name}: host key "${h.key}" must be unique, [a-z0-9]{1,8}, not sw/agent/inet`,
        );
      }
      seen.add(h.key);
    }
  }

  get cidr(): string {
    return `${this.spec.net}.0/24`;
  }
  ip(octet: number): string {
    return `${this.spec.net}.${octet}`;
  }
  host(key: string): HostSpec {
    const h = this.spec.hosts.find((x) => x.key === key);
    if (!h) throw new Error(`lab scenario ${this.spec.name}: no host "${key}"`);
    return h;
  }
  get gateway(): string {
    return this.ip(this.host(this.spec.gatewayKey).octet);
  }
  get dnsServer(): string {
    return this.ip(this.host(this.spec.dnsKey).octet);
  }
  get agentIp(): string {
    return this.ip(this.spec.agent.octet);
  }
  hostNs(h: HostSpec): string {
    return nsName(this.runId, h.key);
  }
  hostDir(h: HostSpec): string {
    return join(this.dir, "hosts", h.key);
  }
  /** Every namespace of this run, switch first. */
  allNamespaces(): string[] {
    return [this.switchNs, this.agentNs, this.internetNs, ...this.spec.hosts.map((h) => this.hostNs(h))];
  }
}
