import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { EncryptionKeyError, readKeyring } from "@/lib/crypto/encryption-keys";
import { isSealed, isSealedWithCurrentKey, openValue, sealValue } from "@/lib/crypto/sealed-json";

const key = () => randomBytes(32).toString("base64");
const ring = (current: string, previous?: string) =>
  readKeyring({ NODE_ENV: "production", TRANSCRIPT_ENCRYPTION_KEY: current, TRANSCRIPT_ENCRYPTION_KEY_PREVIOUS: previous });
const turns = [{ role: "user", message: "My rash came back after the penicillin", timeInCallSecs: 3 }];

describe("sealed JSON (AES-256-GCM)", () => {
  it("seals into an envelope that names its key and holds no plaintext, and opens back to the value", () => {
    const keys = ring(key());
    const envelope = sealValue(turns, "call.transcript", keys);
    expect(isSealed(envelope)).toBe(true);
    expect(envelope).toMatchObject({ v: 1, kid: keys.current.id });
    expect(Buffer.from(envelope.iv, "base64")).toHaveLength(12);
    expect(Buffer.from(envelope.tag, "base64")).toHaveLength(16);
    expect(JSON.stringify(envelope)).not.toContain("penicillin");
    expect(openValue(envelope, "call.transcript", keys)).toEqual(turns);
    // A fresh nonce each time: the same value never seals to the same text.
    expect(sealValue(turns, "call.transcript", keys).ct).not.toBe(envelope.ct);
  });

  it("opens values of the previous key during a rotation, and seals only with the new one", () => {
    const oldKey = key();
    const before = sealValue(turns, "call.transcript", ring(oldKey));
    const rotating = ring(key(), oldKey);
    expect(openValue(before, "call.transcript", rotating)).toEqual(turns);
    expect(isSealedWithCurrentKey(before, rotating)).toBe(false);
    const after = sealValue(turns, "call.transcript", rotating);
    expect(after.kid).toBe(rotating.current.id);
    expect(isSealedWithCurrentKey(after, rotating)).toBe(true);
  });

  it("refuses with a clear error when no configured key is the one that sealed the value", () => {
    const envelope = sealValue(turns, "call.transcript", ring(key()));
    const wrong = ring(key());
    expect(() => openValue(envelope, "call.transcript", wrong)).toThrow(EncryptionKeyError);
    expect(() => openValue(envelope, "call.transcript", wrong)).toThrow(
      new RegExp(`sealed with key ${envelope.kid}, which is neither TRANSCRIPT_ENCRYPTION_KEY`),
    );
  });

  it("refuses a value that was altered, or moved to another column", () => {
    const keys = ring(key());
    const envelope = sealValue(turns, "call.transcript", keys);
    const flipped = Buffer.from(envelope.ct, "base64");
    flipped[0]! ^= 1;
    expect(() => openValue({ ...envelope, ct: flipped.toString("base64") }, "call.transcript", keys)).toThrow(/did not authenticate/);
    expect(() => openValue(envelope, "call.analysis", keys)).toThrow(/did not authenticate/);
  });

  it("uses the public development key only outside production, and refuses a malformed key naming it", () => {
    expect(readKeyring({ NODE_ENV: "test" })).toMatchObject({ development: true, current: { id: "dev-only" } });
    expect(() => readKeyring({ NODE_ENV: "production" })).toThrow(/TRANSCRIPT_ENCRYPTION_KEY is not set/);
    expect(() => readKeyring({ NODE_ENV: "test", TRANSCRIPT_ENCRYPTION_KEY: "c2hvcnQ=" })).toThrow(
      /TRANSCRIPT_ENCRYPTION_KEY is not a base64-encoded 32-byte key/,
    );
  });
});
