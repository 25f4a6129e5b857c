import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkSignatureHeader, signElevenLabsPayload, verifyElevenLabsSignature } from "@/lib/elevenlabs/webhook-signature";

const secret = "wsec_test_4f1b2c";
const body = JSON.stringify({ type: "post_call_transcription", event_timestamp: 1_795_000_000, data: { conversation_id: "conv_1" } });
const t = 1_795_000_000;
const now = new Date(t * 1000 + 5_000);

describe("signElevenLabsPayload", () => {
  it("produces t=<unix>,v0=<hex of HMAC-SHA256(secret, `${t}.${body}`)>", () => {
    const hex = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
    expect(signElevenLabsPayload(body, secret, t)).toBe(`t=${t},v0=${hex}`);
  });

  it("refuses to sign without a secret or with a bad timestamp", () => {
    expect(() => signElevenLabsPayload(body, "", t)).toThrow();
    expect(() => signElevenLabsPayload(body, secret, 1.5)).toThrow();
  });
});

describe("verifyElevenLabsSignature", () => {
  const header = signElevenLabsPayload(body, secret, t);

  it("accepts a valid signature", () => {
    expect(verifyElevenLabsSignature(body, header, secret, now)).toEqual({ ok: true, timestamp: t });
  });

  it("accepts the parts in either order and with spaces", () => {
    const [tPart, vPart] = header.split(",");
    expect(verifyElevenLabsSignature(body, `${vPart}, ${tPart}`, secret, now).ok).toBe(true);
  });

  it("accepts any matching v0 among several (secret rotation)", () => {
    const other = signElevenLabsPayload(body, "old-secret", t).split(",")[1];
    expect(verifyElevenLabsSignature(body, `${header},${other}`, secret, now).ok).toBe(true);
    expect(verifyElevenLabsSignature(body, `t=${t},${other}`, secret, now)).toEqual({ ok: false, reason: "mismatch" });
  });

  it("rejects a tampered body", () => {
    expect(verifyElevenLabsSignature(body.replace("conv_1", "conv_2"), header, secret, now)).toEqual({ ok: false, reason: "mismatch" });
  });

  it("rejects re-serialized JSON (whitespace differs from the raw body)", () => {
    expect(verifyElevenLabsSignature(JSON.stringify(JSON.parse(body), null, 2), header, secret, now).ok).toBe(false);
  });

  it("rejects a signature made with another secret", () => {
    expect(verifyElevenLabsSignature(body, header, "wrong-secret", now)).toEqual({ ok: false, reason: "mismatch" });
  });

  it("rejects a signature whose timestamp was changed", () => {
    const forged = header.replace(`t=${t}`, `t=${t + 1}`);
    expect(verifyElevenLabsSignature(body, forged, secret, now)).toEqual({ ok: false, reason: "mismatch" });
  });

  it("accepts a signature up to 30 minutes old and rejects an older one", () => {
    expect(verifyElevenLabsSignature(body, header, secret, new Date((t + 30 * 60) * 1000)).ok).toBe(true);
    expect(verifyElevenLabsSignature(body, header, secret, new Date((t + 30 * 60 + 1) * 1000))).toEqual({ ok: false, reason: "stale_timestamp" });
  });

  it("rejects a timestamp more than 5 minutes in the future", () => {
    expect(verifyElevenLabsSignature(body, header, secret, new Date((t - 5 * 60) * 1000)).ok).toBe(true);
    expect(verifyElevenLabsSignature(body, header, secret, new Date((t - 5 * 60 - 1) * 1000))).toEqual({ ok: false, reason: "future_timestamp" });
  });

  it.each([undefined, ""])("fails closed when the secret is %j, even for a correctly signed body", (missing) => {
    expect(verifyElevenLabsSignature(body, header, missing, now)).toEqual({ ok: false, reason: "secret_not_configured" });
    // Not even a signature made with an empty key gets through.
    const emptyKeyHex = createHmac("sha256", "").update(`${t}.${body}`).digest("hex");
    expect(verifyElevenLabsSignature(body, `t=${t},v0=${emptyKeyHex}`, missing, now).ok).toBe(false);
  });

  it.each([null, ""])("rejects a missing header (%j)", (missing) => {
    expect(verifyElevenLabsSignature(body, missing, secret, now)).toEqual({ ok: false, reason: "missing_header" });
  });

  it.each([
    "garbage",
    `t=${t}`,
    `v0=${"a".repeat(64)}`,
    `t=abc,v0=${"a".repeat(64)}`,
    `t=${t},v0=${"z".repeat(64)}`,
    `t=${t},v0=${"a".repeat(63)}`,
    `t=${t},v0=${"a".repeat(66)}`,
    `t=${t},t=${t},v0=${"a".repeat(64)}`,
    `t=-${t},v0=${"a".repeat(64)}`,
    `t=${t},v0=${"a".repeat(64)}=`,
  ])("rejects the malformed header %j", (malformed) => {
    expect(verifyElevenLabsSignature(body, malformed, secret, now)).toEqual({ ok: false, reason: "malformed_header" });
  });
});

describe("checkSignatureHeader (before the body is read)", () => {
  const header = signElevenLabsPayload(body, secret, t);

  it("passes a well-formed, fresh header without looking at any body", () => {
    expect(checkSignatureHeader(header, secret, now)).toMatchObject({ ok: true, parsed: { timestamp: String(t) } });
    // The header alone says nothing about the HMAC: a wrong digest still passes this step.
    expect(checkSignatureHeader(`t=${t},v0=${"0".repeat(64)}`, secret, now).ok).toBe(true);
  });

  it.each([
    [null, "missing_header"],
    ["", "missing_header"],
    ["t=abc,v0=00", "malformed_header"],
    [`v0=${"a".repeat(64)}`, "malformed_header"],
    [`t=${t - 30 * 60 - 6},v0=${"a".repeat(64)}`, "stale_timestamp"],
    [`t=${t + 5 * 60 + 6},v0=${"a".repeat(64)}`, "future_timestamp"],
  ])("refuses %j as %s", (value, reason) => {
    expect(checkSignatureHeader(value, secret, now)).toEqual({ ok: false, reason });
  });

  it("fails closed without a secret", () => {
    expect(checkSignatureHeader(header, undefined, now)).toEqual({ ok: false, reason: "secret_not_configured" });
    expect(checkSignatureHeader(header, "", now)).toEqual({ ok: false, reason: "secret_not_configured" });
  });
});
