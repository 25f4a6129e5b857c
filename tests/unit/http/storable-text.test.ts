import { describe, expect, it } from "vitest";
import { findUnstorableText, isStorableText, parseStorableJson } from "@/lib/http/storable-text";
import { assertStorable, readJson, readQuery } from "@/lib/http/parse-request";
import { z } from "zod";
import { AppError } from "@/lib/errors";

describe("text PostgreSQL cannot store", () => {
  it.each([
    ["a NUL", "ab\u0000c", false],
    ["a lone high surrogate", "ab\uD800", false],
    ["a lone low surrogate", "\uDC00ab", false],
    ["a high surrogate before a non-surrogate", "\uD83Dx", false],
    ["an emoji (a valid pair)", "hi 😀", true],
    ["accents and CJK", "José 東京", true],
    ["the replacement character", "\uFFFD", true],
    ["empty", "", true],
  ])("%s", (_, value, storable) => {
    expect(isStorableText(value)).toBe(storable);
  });

  it("finds the path of the first bad string, in values and keys, at any depth", () => {
    expect(findUnstorableText({ a: "ok", b: { c: ["x", "y\u0000"] } })).toBe("b.c.1");
    expect(findUnstorableText({ ["k\uD800"]: 1 })).toBe("k\uD800");
    expect(findUnstorableText("\u0000")).toBe("(root)");
    expect(findUnstorableText({ n: 1, t: true, z: null, s: "fine" })).toBeNull();
    // Deep nesting cannot exhaust the stack.
    let deep: unknown = "\u0000";
    for (let i = 0; i < 50_000; i++) deep = [deep];
    expect(findUnstorableText(deep)).not.toBeNull();
  });

  it("readJson answers 400 naming the field before the schema runs", async () => {
    const req = new Request("http://x/api", { method: "POST", body: JSON.stringify({ contactId: "abc\u0000" }) });
    const error = await readJson(req, z.object({ contactId: z.string() })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
    expect((error as AppError).issues?.[0]?.path).toBe("contactId");
    // JSON escapes produce lone surrogates too.
    const escaped = new Request("http://x/api", { method: "POST", body: '{"name":"\\ud800"}' });
    expect(await readJson(escaped, z.object({ name: z.string() })).catch((e: AppError) => e.status)).toBe(400);
  });

  it("readQuery and assertStorable refuse it too", () => {
    expect(() => readQuery(new Request("http://x/api?q=%00"), z.object({ q: z.string() }))).toThrow(AppError);
    expect(() => assertStorable({ id: "ok" })).not.toThrow();
  });

  describe("parseStorableJson (provider payloads we keep rather than refuse)", () => {
    it.each([
      ["an escaped NUL is removed", '{"t":"a\\u0000b"}', { t: "ab" }],
      ["an escaped lone surrogate is replaced", '{"t":"x\\ud800"}', { t: "x\uFFFD" }],
      ["in keys too", '{"k\\u0000":1}', { k: 1 }],
      ["a raw lone surrogate is replaced", '{"t":"\uDC00"}', { t: "\uFFFD" }],
      ["an escaped valid pair is kept", '{"t":"\\ud83d\\ude00"}', { t: "😀" }],
      ["an escaped backslash before u0000 is plain text", '{"t":"\\\\u0000"}', { t: "\\u0000" }],
      ["an ordinary body is the parse as it is", '{"a":[1,{"b":"José 東京 😀"}],"n":null}', { a: [1, { b: "José 東京 😀" }], n: null }],
    ])("%s", (_, text, expected) => {
      const value = parseStorableJson(text);
      expect(value).toEqual(expected);
      expect(findUnstorableText(value)).toBeNull();
    });

    it("refuses what is not JSON, like JSON.parse", () => {
      expect(() => parseStorableJson("{nope")).toThrow(SyntaxError);
    });
  });
});
