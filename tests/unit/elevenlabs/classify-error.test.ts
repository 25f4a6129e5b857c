import { describe, expect, it } from "vitest";
import { classifyHttpError, classifyNetworkError, providerMessage } from "@/lib/elevenlabs/classify-error";

/** What undici's fetch throws for a socket error: TypeError("fetch failed") with the cause attached. */
const fetchFailed = (code: string, message = code) => new TypeError("fetch failed", { cause: Object.assign(new Error(message), { code }) });

describe("classifyHttpError", () => {
  it.each([
    [
      429,
      { detail: { status: "concurrent_limit_exceeded", message: "Too many concurrent calls" } },
      { kind: "retryable", message: "Too many concurrent calls", code: "concurrent_limit_exceeded" },
    ],
    [429, { detail: { status: "system_busy" } }, { kind: "retryable", message: "system_busy", code: "system_busy" }],
    [500, { detail: "Internal Server Error" }, { kind: "retryable", message: "Internal Server Error", code: null }],
    [502, "<html>Bad gateway</html>", { kind: "retryable", message: "ElevenLabs answered HTTP 502", code: null }],
    [503, null, { kind: "retryable", message: "ElevenLabs answered HTTP 503", code: null }],
    [
      422,
      {
        detail: [
          { loc: ["body", "to_number"], msg: "Invalid phone number", type: "value_error" },
          { loc: ["body", "agent_id"], msg: "Field required", type: "missing" },
        ],
      },
      { kind: "permanent", message: "to_number: Invalid phone number; agent_id: Field required", code: null },
    ],
    [401, { detail: { status: "invalid_api_key", message: "Invalid API key" } }, { kind: "permanent", message: "Invalid API key", code: "invalid_api_key" }],
    [404, { detail: "Not Found" }, { kind: "permanent", message: "Not Found", code: null }],
    [400, {}, { kind: "permanent", message: "ElevenLabs answered HTTP 400", code: null }],
  ])("HTTP %i → %j", (status, body, expected) => {
    expect(classifyHttpError(status, body)).toEqual({ status, ...expected });
  });
});

describe("classifyNetworkError", () => {
  it.each(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "UND_ERR_CONNECT_TIMEOUT"])(
    "%s happened before the request was sent → retryable",
    (code) => {
      expect(classifyNetworkError(fetchFailed(code), { idempotent: false })).toMatchObject({ kind: "retryable", status: null, code });
    },
  );

  it("finds the code on an AggregateError cause (several addresses refused)", () => {
    const aggregate = Object.assign(new AggregateError([new Error("a"), new Error("b")], "refused"), { code: "ECONNREFUSED" });
    expect(classifyNetworkError(new TypeError("fetch failed", { cause: aggregate }), { idempotent: false }).kind).toBe("retryable");
  });

  it.each([
    ["our timeout", new DOMException("The operation was aborted due to timeout", "TimeoutError"), "TIMEOUT"],
    ["an abort", new DOMException("This operation was aborted", "AbortError"), "TIMEOUT"],
    ["a reset connection", fetchFailed("ECONNRESET"), "ECONNRESET"],
    ["a socket closed mid-answer", fetchFailed("UND_ERR_SOCKET", "other side closed"), "UND_ERR_SOCKET"],
    ["a broken pipe", fetchFailed("EPIPE"), "EPIPE"],
    ["an error we do not recognise", new Error("something odd"), null],
  ])("%s after sending a dial → unknown_outcome", (_label, error, code) => {
    expect(classifyNetworkError(error, { idempotent: false })).toMatchObject({ kind: "unknown_outcome", status: null, code });
  });

  it("treats the same failures of a read as retryable: there is nothing to reconcile", () => {
    expect(classifyNetworkError(new DOMException("timeout", "TimeoutError"), { idempotent: true }).kind).toBe("retryable");
    expect(classifyNetworkError(fetchFailed("ECONNRESET"), { idempotent: true }).kind).toBe("retryable");
  });

  it("says in plain words what happened", () => {
    expect(classifyNetworkError(fetchFailed("ECONNREFUSED"), { idempotent: false }).message).toBe("Could not connect to ElevenLabs (ECONNREFUSED)");
    expect(classifyNetworkError(new DOMException("t", "TimeoutError"), { idempotent: false }).message).toBe("ElevenLabs did not answer before the timeout");
  });
});

describe("providerMessage", () => {
  it("reads the documented error shapes and nothing else", () => {
    expect(providerMessage({ detail: [{ loc: ["query", "page_size"], msg: "too big" }] })).toBe("query.page_size: too big");
    expect(providerMessage({ detail: [{ msg: "bad" }] })).toBe("bad");
    expect(providerMessage({ detail: { message: "  spaced  " } })).toBe("spaced");
    expect(providerMessage({ detail: [] })).toBeNull();
    expect(providerMessage({ message: "not in detail" })).toBeNull();
    expect(providerMessage("plain text")).toBeNull();
    expect(providerMessage(undefined)).toBeNull();
  });
});
