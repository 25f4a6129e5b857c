import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddress, PEER_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { stampPeerAddress } from "@/lib/auth/stamp-peer-address";

// A real server created before the stamp is installed, as Next's is before instrumentation.ts runs.
let server: http.Server;
let url: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ stamped: req.headers[PEER_ADDRESS_HEADER] ?? null, client: clientAddress(req.headers, {}) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  stampPeerAddress();
  stampPeerAddress(); // a second call must not wrap twice
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("stampPeerAddress", () => {
  it("overwrites a client's own peer header and X-Forwarded-For does not count", async () => {
    const res = await fetch(url, { headers: { [PEER_ADDRESS_HEADER]: "203.0.113.66", "x-forwarded-for": "198.51.100.1" } });
    expect(await res.json()).toEqual({ stamped: "127.0.0.1", client: "127.0.0.1" });
  });

  it("stamps requests without any forwarding header", async () => {
    expect(await (await fetch(url)).json()).toEqual({ stamped: "127.0.0.1", client: "127.0.0.1" });
  });
});
