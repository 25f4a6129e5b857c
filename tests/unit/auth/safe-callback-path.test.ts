import { describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth/auth-options";
import { safeCallbackPath } from "@/lib/auth/safe-callback-path";

const SITE = "https://app.callboard.example";

// What the login page receives in ?callbackUrl= (already percent-decoded once by Next) and what it may go to.
const CASES: Array<[string, string]> = [
  // On the site
  ["/", "/"],
  ["/contacts", "/contacts"],
  ["/contacts?q=ann&page=2#row-3", "/contacts?q=ann&page=2#row-3"],
  ["/calls/abc%20def", "/calls/abc%20def"],
  ["/a/../settings", "/settings"],
  // Protocol-relative and its disguises
  ["//evil.example", "/"],
  ["///evil.example", "/"],
  ["/\\evil.example", "/"],
  ["\\\\evil.example", "/"],
  ["/\t/evil.example", "/"],
  ["/%09/evil.example", "/"],
  ["/\n/evil.example", "/"],
  ["/\r\n/evil.example", "/"],
  ["/%0d%0a/evil.example", "/"],
  ["/\u0000/evil.example", "/"],
  ["/%5Cevil.example", "/"],
  ["/%2F/evil.example", "/"],
  ["/%2F%2Fevil.example", "/"],
  ["%2F%2Fevil.example", "/"],
  ["/.//evil.example", "/"],
  ["/./%2Fevil.example", "/"],
  ["/ /evil.example", "/%20/evil.example"],
  // Other schemes and origins
  ["javascript:alert(1)", "/"],
  ["JaVaScRiPt:alert(1)", "/"],
  [" javascript:alert(1)", "/"],
  ["data:text/html,<script>alert(1)</script>", "/"],
  ["https://evil.example/", "/"],
  ["https://evil.example/contacts", "/"],
  ["http://app.callboard.example/contacts", "/"],
  ["https://app.callboard.example.evil.example/", "/"],
  ["https://app.callboard.example@evil.example/", "/"],
  ["https:evil.example", "/"],
  ["evil.example", "/"],
  ["contacts", "/"],
  // The same origin, absolute
  ["https://app.callboard.example/contacts?q=1", "/contacts?q=1"],
  ["https://app.callboard.example", "/"],
  // Back to the sign-in pages: home instead
  ["/login", "/"],
  ["/login?callbackUrl=/contacts", "/"],
  ["/signup", "/"],
  ["/login-help", "/login-help"],
  // Nonsense
  ["", "/"],
  ["/%E0%A4%A", "/"],
  ["/" + "a".repeat(3000), "/"],
];

describe("safeCallbackPath", () => {
  it.each(CASES)("%j → %j", (input, expected) => {
    expect(safeCallbackPath(input, SITE)).toBe(expected);
  });

  it("without a known origin takes only paths", () => {
    expect(safeCallbackPath("/contacts")).toBe("/contacts");
    expect(safeCallbackPath("https://app.callboard.example/contacts")).toBe("/");
    expect(safeCallbackPath("/\t/evil.example")).toBe("/");
    expect(safeCallbackPath(["/calls", "//evil.example"])).toBe("/calls");
    expect(safeCallbackPath(undefined)).toBe("/");
  });

  it("never yields anything a browser resolves off the site", () => {
    for (const [input] of CASES) {
      const target = new URL(safeCallbackPath(input, SITE), SITE);
      expect(target.origin).toBe(SITE);
    }
  });
});

describe("next-auth's redirect callback", () => {
  const redirect = (url: string) => authOptions.callbacks!.redirect!({ url, baseUrl: SITE }) as string;

  it("keeps redirects on the site", () => {
    expect(redirect("/contacts")).toBe(`${SITE}/contacts`);
    expect(redirect(`${SITE}/calls?x=1`)).toBe(`${SITE}/calls?x=1`);
    expect(redirect("/\t/evil.example")).toBe(`${SITE}/`);
    expect(redirect("https://evil.example/")).toBe(`${SITE}/`);
    expect(redirect("//evil.example")).toBe(`${SITE}/`);
  });
});
