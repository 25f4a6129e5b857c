import { describe, expect, it } from "vitest";
import { downloadFileName, exportRefusal } from "@/components/downloads/export-refusal";

describe("exportRefusal (the toast of an Export CSV the server refused)", () => {
  it("says what the server said; a reload is offered only where it helps", () => {
    const badFilter = exportRefusal("Calls", { status: 400, code: "invalid_input", detail: "Pick a 'from' date before the 'to' date." });
    expect(badFilter).toEqual({ title: "Calls not exported", description: "Pick a 'from' date before the 'to' date.", reload: false });
    const signedOut = exportRefusal("Calls", { status: 401, code: "unauthenticated", detail: "Your session has ended. Sign in again." });
    expect(signedOut).toMatchObject({ description: "Your session has ended. Sign in again.", reload: true });
  });

  it("an answer without a detail still says something to do", () => {
    expect(exportRefusal("Contacts", { status: 502 }).description).toBe("The server answered 502. Try again in a moment.");
  });
});

describe("downloadFileName", () => {
  it("takes the server's file name, and the fallback for none or one with a path in it", () => {
    expect(downloadFileName('attachment; filename="calls-sunrise-2026-12-07.csv"', "export.csv")).toBe("calls-sunrise-2026-12-07.csv");
    expect(downloadFileName(null, "export.csv")).toBe("export.csv");
    expect(downloadFileName('attachment; filename="../x.csv"', "export.csv")).toBe("export.csv");
  });
});
