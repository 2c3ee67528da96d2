/** The small part of net-snmp 3 that sweetspot uses (the package ships no types). */
declare module "net-snmp" {
  import type { EventEmitter } from "node:events";

  export const Version1: 0;
  export const Version2c: 1;

  export enum ObjectType {
    Boolean = 1,
    Integer = 2,
    BitString = 3,
    OctetString = 4,
    Null = 5,
    OID = 6,
    IpAddress = 64,
    Counter = 65,
    Gauge = 66,
    TimeTicks = 67,
    Opaque = 68,
    Counter64 = 70,
    NoSuchObject = 128,
    NoSuchInstance = 129,
    EndOfMibView = 130,
  }

  export interface Varbind {
    oid: string;
    type: ObjectType;
    value: unknown;
  }

  export interface SessionOptions {
    port?: number;
    retries?: number;
    timeout?: number;
    backoff?: number;
    transport?: "udp4" | "udp6";
    version?: 0 | 1;
    idBitsSize?: 16 | 32;
  }

  export interface Session extends EventEmitter {
    get(oids: string[], callback: (error: Error | null, varbinds: Varbind[]) => void): void;
    subtree(
      oid: string,
      maxRepetitions: number,
      feed: (varbinds: Varbind[]) => boolean | undefined,
      done: (error: Error | null) => void,
    ): void;
    close(): void;
  }

  export function createSession(target: string, community: string, options?: SessionOptions): Session;
  export function isVarbindError(varbind: Varbind): boolean;
  export function varbindError(varbind: Varbind): string;

  export const MibProviderType: { Scalar: 1; Table: 2 };
  export const MaxAccess: Record<string, number>;

  export interface MibProvider {
    name: string;
    type: number;
    oid: string;
    scalarType?: ObjectType;
    maxAccess?: number;
    handler?: (request: unknown) => void;
  }

  export interface Mib {
    registerProvider(provider: MibProvider): void;
    setScalarValue(name: string, value: unknown): void;
  }

  export interface Authorizer {
    addCommunity(community: string): void;
  }

  export interface AgentOptions {
    port?: number;
    address?: string | null;
    transport?: "udp4" | "udp6";
    disableAuthorization?: boolean;
  }

  export interface Agent {
    getMib(): Mib;
    getAuthorizer(): Authorizer;
    close(callback?: () => void): void;
  }

  export function createAgent(
    options: AgentOptions,
    callback: (error: Error | null, data: unknown) => void,
  ): Agent;
}
