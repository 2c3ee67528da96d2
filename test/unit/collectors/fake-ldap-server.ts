import net from "node:net";
import { Attribute, BerReader, BerWriter } from "ldapts";

/**
 * A tiny LDAP server on 127.0.0.1 that answers every search with one entry (the given
 * attributes) and success; enough for an anonymous rootDSE read. `silent` accepts and never answers.
 */
export async function startFakeLdap(
  attributes: Record<string, string[]>,
  mode: "answer" | "silent" = "answer",
): Promise<{ port: number; searches: number; close(): Promise<void> }> {
  const state = { searches: 0 };
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
    socket.on("data", (buffer) => {
      if (mode === "silent") return;
      const reader = new BerReader(buffer);
      reader.readSequence();
      const id = reader.readInt() ?? 0;
      if (reader.peek() !== 0x63) return void socket.end(); // only SearchRequest; unbind closes
      state.searches++;
      const entry = new BerWriter();
      entry.startSequence();
      entry.writeInt(id);
      entry.startSequence(0x64);
      entry.writeString("");
      entry.startSequence();
      for (const [type, values] of Object.entries(attributes)) new Attribute({ type, values }).write(entry);
      entry.endSequence();
      entry.endSequence();
      entry.endSequence();
      const done = new BerWriter();
      done.startSequence();
      done.writeInt(id);
      done.startSequence(0x65);
      done.writeEnumeration(0);
      done.writeString("");
      done.writeString("");
      done.endSequence();
      done.endSequence();
      socket.write(Buffer.concat([entry.buffer, done.buffer]));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    get searches() {
      return state.searches;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
