import { Socket } from "node:net";
import { NutError, parseListUps, parseListVar } from "./parse.js";

export interface NutUps {
  name: string;
  description?: string;
  vars: Record<string, string>;
}

/** At most this many UPS units per server are read (a server with hundreds is not an SMB's). */
const MAX_UPS_PER_SERVER = 8;
const MAX_BYTES = 256 * 1024;

/**
 * Talks NUT's text protocol to upsd: LIST UPS, then LIST VAR for each, then LOGOUT. Read-only,
 * no login. The whole conversation is bounded by `timeoutMs`.
 */
export function queryNut(
  ip: string,
  port: number,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<NutUps[]> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    let buffer = "";
    let received = 0;
    let pending:
      | { until: (line: string) => boolean; lines: string[]; done: (lines: string[]) => void }
      | undefined;
    let settled = false;

    const finish = (error: Error | undefined, value?: NutUps[]): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      socket.destroy();
      if (error) reject(error);
      else resolve(value ?? []);
    };
    const onAbort = (): void => finish(new Error(`NUT ${ip}: interrupted`));
    const timer = setTimeout(
      () => finish(new Error(`NUT ${ip}:${port}: no answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
    if (signal?.aborted) return onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });

    const ask = (command: string, endLine: string): Promise<string[]> =>
      new Promise((done) => {
        pending = { until: (line) => line === endLine || line.startsWith("ERR "), lines: [], done };
        socket.write(`${command}\n`);
      });

    socket.on("data", (chunk) => {
      received += chunk.length;
      if (received > MAX_BYTES) return finish(new Error(`NUT ${ip}: answer larger than ${MAX_BYTES} bytes`));
      buffer += chunk.toString("utf8");
      let newline = buffer.indexOf("\n");
      while (newline >= 0) {
        const line = buffer.slice(0, newline).replace(/\r$/, "");
        buffer = buffer.slice(newline + 1);
        if (pending) {
          pending.lines.push(line);
          if (pending.until(line)) {
            const { done, lines } = pending;
            pending = undefined;
            done(lines);
          }
        }
        newline = buffer.indexOf("\n");
      }
    });
    socket.on("error", (error) => finish(error));
    socket.on("close", () => finish(new Error(`NUT ${ip}: connection closed early`)));

    socket.connect(port, ip, async () => {
      try {
        const upsList = parseListUps(await ask("LIST UPS", "END LIST UPS")).slice(0, MAX_UPS_PER_SERVER);
        const result: NutUps[] = [];
        for (const ups of upsList) {
          const lines = await ask(`LIST VAR ${ups.name}`, `END LIST VAR ${ups.name}`);
          let vars: Record<string, string> = {};
          try {
            vars = parseListVar(lines, ups.name);
          } catch (error) {
            if (!(error instanceof NutError)) throw error;
          }
          result.push({ ...ups, vars });
        }
        socket.write("LOGOUT\n");
        finish(undefined, result);
      } catch (error) {
        finish(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}
