import { describe, expect, it } from "vitest";
import { contactMatchesSearch, parseSearch } from "@/lib/contacts/search-terms";
import { escapeLike } from "@/lib/contacts/search-sql";

const jane = { name: "Jane O'Brien", email: "jane.obrien@example.com", businessName: "Newtown Bakery", phoneNumber: "+61491570156" };

describe("parseSearch", () => {
  it("collapses white space and marks short queries as word prefixes", () => {
    expect(parseSearch("  jane   o  ")).toEqual({ text: "jane o", wordPrefix: false, phoneDigits: [] });
    expect(parseSearch("jo")).toEqual({ text: "jo", wordPrefix: true, phoneDigits: [] });
    expect(parseSearch("   ")).toBeNull();
  });

  it("reads phone-like queries as digits, with and without the trunk 0 or international 00", () => {
    expect(parseSearch("0491 570")?.phoneDigits).toEqual(["0491570", "491570"]);
    expect(parseSearch("+61 491")?.phoneDigits).toEqual(["61491"]);
    expect(parseSearch("0061 491")?.phoneDigits).toEqual(["0061491", "61491"]);
    expect(parseSearch("Room 101")?.phoneDigits).toEqual([]);
    expect(parseSearch("12")?.phoneDigits).toEqual([]);
  });
});

describe("contactMatchesSearch", () => {
  it.each([
    ["", true],
    ["brien", true],
    ["JANE O", true],
    ["bakery", true],
    ["example.com", true],
    ["0491 570 156", true],
    ["570156", true],
    ["+61 491", true],
    ["o'", true],
    ["ja", true],
    ["ne", true],
    ["ba", true],
    ["an", false],
    ["br", false],
    ["jane smith", false],
    ["0412", false],
  ])("%j → %s", (q, expected) => {
    expect(contactMatchesSearch(jane, q)).toBe(expected);
  });
});

describe("escapeLike", () => {
  it("escapes the LIKE wildcards and the escape character", () => {
    expect(escapeLike("100%_a\\b")).toBe("100\\%\\_a\\\\b");
  });
});
