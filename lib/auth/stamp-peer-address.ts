import http from "node:http";
import https from "node:https";
import { PEER_ADDRESS_HEADER, PEER_STAMP_INSTALLED } from "@/lib/auth/client-address";

type Emit = (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;

/**
 * Node-only, once per process: every request an HTTP(S) server of this process receives gets the
 * TCP peer's address in PEER_ADDRESS_HEADER, replacing whatever the client put there.
 *
 * Why a patch: `next start` gives neither route handlers nor next-auth's authorize() the socket, and
 * it keeps a client-supplied X-Forwarded-For as it is (see lib/auth/client-address.ts). Next's own
 * server is created before instrumentation.ts runs, so the patch goes on the prototype's emit, which
 * Node looks up for every "request" event. Requests received before this ran simply have no stamp.
 */
export function stampPeerAddress(): void {
  const globals = globalThis as Record<symbol, unknown>;
  if (globals[PEER_STAMP_INSTALLED] === true) return;
  for (const proto of [http.Server.prototype, https.Server.prototype] as unknown as Array<{ emit: Emit }>) {
    const emit = proto.emit;
    proto.emit = function stampedEmit(this: http.Server, event, ...args) {
      if (event === "request") stamp(args[0]);
      return emit.call(this, event, ...args);
    };
  }
  globals[PEER_STAMP_INSTALLED] = true;
}

function stamp(request: unknown): void {
  if (!(request instanceof http.IncomingMessage)) return;
  // An empty value when the socket has already gone: still overwrites what the client sent.
  request.headers[PEER_ADDRESS_HEADER] = request.socket?.remoteAddress ?? "";
}
