import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError, ERROR_STATUS, problemResponse } from "@/lib/errors";

describe("problemResponse", () => {
  it("maps each code to its status with a problem+json body", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    for (const [code, status] of Object.entries(ERROR_STATUS)) {
      const res = problemResponse(new AppError(code as keyof typeof ERROR_STATUS, "msg"), "req-1");
      expect(res.status).toBe(status);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(await res.json()).toMatchObject({ status, code, requestId: "req-1" });
    }
    log.mockRestore();
  });

  it("turns a zod error into a 400 listing each field", async () => {
    const parsed = z.object({ email: z.string().email(), age: z.number() }).safeParse({ email: "x", age: "y" });
    const res = problemResponse(parsed.error);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { issues: { path: string }[] };
    expect(body.issues.map((i) => i.path)).toEqual(["email", "age"]);
  });

  it("hides unknown errors behind a generic 500", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = problemResponse(new Error("connection string postgres://secret@db"), "req-2");
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain("secret");
    expect(JSON.parse(text)).toMatchObject({ code: "internal", requestId: "req-2" });
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });
});
