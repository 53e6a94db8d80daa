// A cap on the connections one client address holds open, so a single client
// (or a slowloris) cannot take every socket of the process. One Map lookup per
// connection, nothing per request.
import type { Socket } from "node:net";

const REFUSAL_BODY = JSON.stringify({
  error: { message: "Too many open connections from this address", type: "rate_limit_error", param: null, code: "too_many_connections" },
});
const REFUSAL = [
  "HTTP/1.1 429 Too Many Requests",
  "content-type: application/json",
  "x-gateway-error-code: too_many_connections",
  "retry-after: 1",
  "connection: close",
  `content-length: ${Buffer.byteLength(REFUSAL_BODY)}`,
  "",
  REFUSAL_BODY,
].join("\r\n");

export class ConnectionsPerAddress {
  private readonly open = new Map<string, number>();

  constructor(private readonly limit: number) {}

  /** Counts the socket in (false, and the socket answered 429 and closed, when its address is at the limit). */
  admit(socket: Socket): boolean {
    const address = socket.remoteAddress ?? "";
    const count = this.open.get(address) ?? 0;
    if (count >= this.limit) {
      socket.on("error", () => socket.destroy());
      socket.resume(); // read and drop what it sends: unread bytes at close would reset the answer away
      socket.end(REFUSAL);
      return false;
    }
    this.open.set(address, count + 1);
    socket.once("close", () => {
      const left = (this.open.get(address) ?? 1) - 1;
      if (left > 0) this.open.set(address, left);
      else this.open.delete(address);
    });
    return true;
  }

  /** Open connections of one address (for tests and diagnostics). */
  count(address: string): number {
    return this.open.get(address) ?? 0;
  }
}
