import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addressBucket, clientAddress, normalizeAddress, PEER_ADDRESS_HEADER, PEER_STAMP_INSTALLED, trustedProxyCount } from "@/lib/auth/client-address";

const globals = globalThis as Record<symbol, unknown>;
const headers = (values: Record<string, string>) => new Headers(values);

describe("clientAddress off Vercel, no trusted proxy (the socket's address)", () => {
  beforeEach(() => {
    globals[PEER_STAMP_INSTALLED] = true;
  });
  afterEach(() => {
    delete globals[PEER_STAMP_INSTALLED];
  });

  it("takes the stamped socket address and ignores X-Forwarded-For and X-Real-IP", () => {
    for (let i = 0; i < 40; i++) {
      const h = headers({ [PEER_ADDRESS_HEADER]: "198.51.100.7", "x-forwarded-for": `203.0.113.${i}`, "x-real-ip": `192.0.2.${i}` });
      expect(clientAddress(h, {})).toBe("198.51.100.7");
    }
  });

  it("reads next-auth's plain header object too, and normalizes IPv4-mapped IPv6", () => {
    expect(clientAddress({ [PEER_ADDRESS_HEADER]: "::ffff:198.51.100.7", "x-forwarded-for": "1.2.3.4" }, {})).toBe("198.51.100.7");
    expect(clientAddress({ [PEER_ADDRESS_HEADER]: "2001:DB8::1" }, {})).toBe("2001:db8::1");
  });

  it("never takes a client's own peer header while the stamp is not installed", () => {
    delete globals[PEER_STAMP_INSTALLED];
    // Without the stamp, Next's own x-forwarded-for (set from the socket when the client sent none) is the last entry.
    expect(clientAddress(headers({ [PEER_ADDRESS_HEADER]: "203.0.113.1", "x-forwarded-for": "127.0.0.1" }), {})).toBe("127.0.0.1");
  });

  it("says unknown for a missing or malformed address", () => {
    expect(clientAddress(headers({}), {})).toBe("unknown");
    expect(clientAddress(headers({ [PEER_ADDRESS_HEADER]: "" }), {})).toBe("unknown");
    expect(clientAddress(undefined, {})).toBe("unknown");
  });
});

describe("clientAddress behind TRUSTED_PROXY_COUNT proxies", () => {
  it("takes the Nth X-Forwarded-For entry from the right; entries further left are the client's words", () => {
    const h = headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.5, 10.0.0.2", [PEER_ADDRESS_HEADER]: "10.0.0.3" });
    expect(clientAddress(h, { TRUSTED_PROXY_COUNT: "1" })).toBe("10.0.0.2");
    expect(clientAddress(h, { TRUSTED_PROXY_COUNT: "2" })).toBe("203.0.113.5");
  });

  it("a rotating client-supplied prefix does not change the address", () => {
    const seen = new Set(
      Array.from({ length: 40 }, (_, i) => clientAddress(headers({ "x-forwarded-for": `198.18.0.${i}, 203.0.113.5` }), { TRUSTED_PROXY_COUNT: "1" })),
    );
    expect([...seen]).toEqual(["203.0.113.5"]);
  });

  it("with fewer entries than proxies takes the leftmost; with none, the socket", () => {
    globals[PEER_STAMP_INSTALLED] = true;
    try {
      expect(clientAddress(headers({ "x-forwarded-for": "203.0.113.5" }), { TRUSTED_PROXY_COUNT: "3" })).toBe("203.0.113.5");
      expect(clientAddress(headers({ [PEER_ADDRESS_HEADER]: "10.0.0.3" }), { TRUSTED_PROXY_COUNT: "1" })).toBe("10.0.0.3");
    } finally {
      delete globals[PEER_STAMP_INSTALLED];
    }
  });

  it("reads the count as a small integer, else 0", () => {
    expect(trustedProxyCount({})).toBe(0);
    expect(trustedProxyCount({ TRUSTED_PROXY_COUNT: "2" })).toBe(2);
    expect(trustedProxyCount({ TRUSTED_PROXY_COUNT: "-1" })).toBe(0);
    expect(trustedProxyCount({ TRUSTED_PROXY_COUNT: "one" })).toBe(0);
    expect(trustedProxyCount({ TRUSTED_PROXY_COUNT: "999" })).toBe(10);
  });
});

describe("clientAddress on Vercel", () => {
  const vercel = { VERCEL: "1", TRUSTED_PROXY_COUNT: "2" };

  it("prefers x-vercel-forwarded-for, then the first x-forwarded-for entry, then x-real-ip", () => {
    expect(clientAddress(headers({ "x-vercel-forwarded-for": "203.0.113.9", "x-forwarded-for": "198.51.100.1" }), vercel)).toBe("203.0.113.9");
    expect(clientAddress(headers({ "x-forwarded-for": "198.51.100.1, 10.0.0.1" }), vercel)).toBe("198.51.100.1");
    expect(clientAddress(headers({ "x-real-ip": "192.0.2.4" }), vercel)).toBe("192.0.2.4");
    expect(clientAddress(headers({ [PEER_ADDRESS_HEADER]: "192.0.2.4" }), vercel)).toBe("unknown");
  });
});

describe("normalizeAddress and addressBucket", () => {
  it.each([
    ["203.0.113.5", "203.0.113.5"],
    [" 203.0.113.5:4431 ", "203.0.113.5"],
    ["[2001:db8::1]:443", "2001:db8::1"],
    ["::ffff:10.1.2.3", "10.1.2.3"],
    ["not-an-ip", null],
    ["203.0.113.5; DROP", null],
    ["", null],
  ])("%j → %j", (raw, expected) => {
    expect(normalizeAddress(raw)).toBe(expected);
  });

  it("counts IPv6 by /64 and IPv4 by address", () => {
    expect(addressBucket("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressBucket("::1")).toBe("0:0:0:0::/64");
    expect(addressBucket("2001:0db8:0001:0002::1")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("203.0.113.5")).toBe("203.0.113.5");
    expect(addressBucket("unknown")).toBe("unknown");
  });
});
