import { join } from "node:path";

/** Every lab run keeps its configs, logs, PIDs and ground truth here. */
export const LAB_ROOT = "/tmp/sweetspot-lab";

/** Namespace names: ss<runId>-<key>, runId 4 × [a-z0-9], key at most 8 × [a-z0-9] (≤ 15 chars in all). */
export const NS_PREFIX = "ss";
export const RUN_ID_PATTERN = /^[a-z0-9]{4}$/;
export const NS_PATTERN = /^ss([a-z0-9]{4})-([a-z0-9]{1,8})$/;

export function newRunId(): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  let id = "";
  for (let i = 0; i < 4; i++) id += alphabet[Math.floor(Math.random() * alphabet.length)];
  return id;
}

export function nsName(runId: string, key: string): string {
  return `${NS_PREFIX}${runId}-${key}`;
}

export function runDir(runId: string): string {
  return join(LAB_ROOT, runId);
}

export function netnsEtcDir(ns: string): string {
  return join("/etc/netns", ns);
}
