import dgram from "node:dgram";
import makeMdns from "multicast-dns";
import { pause } from "../shared/time-limit.js";
import { MDNS_SERVICE_TYPES, type MdnsResponse } from "./parse-mdns.js";
import { mSearch, parseSsdpResponse, SSDP_ADDRESS, SSDP_PORT } from "./parse-ssdp.js";

/** Asks for DNS-SD services on `interfaceIp`'s link and collects answers for `ms`. */
export async function listenMdns(
  interfaceIp: string,
  ms: number,
  signal: AbortSignal,
): Promise<MdnsResponse[]> {
  const responses: MdnsResponse[] = [];
  // Bound to 0.0.0.0: a socket bound to the interface address would never see multicast answers.
  const mdns = makeMdns({ interface: interfaceIp, bind: "0.0.0.0", loopback: false, reuseAddr: true });
  const errors: Error[] = [];
  mdns.on("error", (error: Error) => errors.push(error));
  mdns.on("warning", () => undefined);
  mdns.on("response", (packet, rinfo) => {
    responses.push({
      from: rinfo.address,
      answers: (packet.answers ?? []) as MdnsResponse["answers"],
      additionals: (packet.additionals ?? []) as MdnsResponse["answers"],
    });
  });
  try {
    await new Promise<void>((resolve) => mdns.on("ready", () => resolve()));
    const ask = (): void =>
      mdns.query({ questions: MDNS_SERVICE_TYPES.map((name) => ({ name, type: "PTR" as const })) });
    ask();
    await pause(Math.min(1000, ms / 3), signal);
    // Ask again for the service types the enumeration revealed (bounded).
    const revealed = new Set<string>();
    for (const r of responses)
      for (const a of r.answers)
        if (a.name === "_services._dns-sd._udp.local" && typeof a.data === "string") revealed.add(a.data);
    const extra = [...revealed]
      .filter((t) => !(MDNS_SERVICE_TYPES as readonly string[]).includes(t))
      .slice(0, 20);
    if (extra.length > 0) mdns.query({ questions: extra.map((name) => ({ name, type: "PTR" as const })) });
    else ask();
    await pause(ms - Math.min(1000, ms / 3), signal);
  } finally {
    mdns.destroy();
  }
  if (responses.length === 0 && errors[0]) throw errors[0];
  return responses;
}

/** Sends M-SEARCH twice (UDP gets lost) and collects answers for `ms`. */
export async function listenSsdp(
  interfaceIp: string,
  ms: number,
  signal: AbortSignal,
): Promise<{ from: string; headers: Record<string, string> }[]> {
  const answers: { from: string; headers: Record<string, string> }[] = [];
  const socket = dgram.createSocket({ type: "udp4", reuseAddr: true });
  let failure: Error | undefined;
  socket.on("error", (error) => {
    failure = error;
  });
  socket.on("message", (message, rinfo) => {
    const headers = parseSsdpResponse(message.toString("utf8"));
    if (headers) answers.push({ from: rinfo.address, headers });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once("error", reject);
      socket.bind(0, interfaceIp, () => resolve());
    });
    socket.setMulticastInterface(interfaceIp);
    socket.setMulticastTTL(2);
    const message = Buffer.from(mSearch(Math.max(1, Math.floor(ms / 1000) - 1)));
    socket.send(message, SSDP_PORT, SSDP_ADDRESS);
    await pause(300, signal);
    socket.send(message, SSDP_PORT, SSDP_ADDRESS);
    await pause(ms - 300, signal);
  } finally {
    socket.close();
  }
  if (answers.length === 0 && failure) throw failure;
  return answers;
}

/** GETs a UPnP description with a time and size limit; only called for in-scope IP-literal URLs. */
export async function fetchDescription(url: string, timeoutMs: number, signal: AbortSignal): Promise<string> {
  const response = await fetch(url, {
    signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
    redirect: "manual",
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > 256 * 1024) {
      await reader.cancel();
      break;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
