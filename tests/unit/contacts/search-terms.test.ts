import { describe, expect, it } from "vitest";
import { contactMatchesSearch, contactSearchText, parseSearch, SEARCH_TEXT_FIELDS_MAX } from "@/lib/contacts/search-terms";
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

describe("contactSearchText", () => {
  it("puts each field after its separator, in lower case, with the number's digits last", () => {
    expect(contactSearchText({ name: "Jane O'Brien", businessName: "Glebe Bakery", email: "Jane@Example.com", phoneNumber: "+61491570156" })).toBe(
      "\njane o'brien\nglebe bakery\tjane@example.com\x1f61491570156",
    );
    expect(contactSearchText({ name: "Ann", businessName: null, email: null, phoneNumber: "+1415" })).toBe("\nann\n\t\x1f1415");
  });

  it("folds accents and compatibility forms, as the database's contact_fold does", () => {
    expect(contactSearchText({ name: "Zoë Nguyễn", businessName: "Ｓｕｎ ﬁtness", email: "zoë@café.example", phoneNumber: "+61491570156" })).toBe(
      "\nzoe nguyen\nsun fitness\tzoe@cafe.example\x1f61491570156",
    );
    expect(parseSearch("  ZOË ")?.text).toBe("ZOE");
    expect(parseSearch("０４９１ ５７０")?.phoneDigits).toEqual(["0491570", "491570"]);
    expect(contactMatchesSearch({ ...jane, name: "Zoë Nguyễn" }, "zoe nguyen")).toBe(true);
    expect(contactMatchesSearch({ ...jane, name: "Zoe Nguyen" }, "zoë")).toBe(true);
    // Letters NFKD keeps whole: a stroke or a ligature is typed as its plain letters.
    expect(contactSearchText({ name: "Łukasz Øster", businessName: "Große Æble", email: null, phoneNumber: "+45" })).toBe(
      "\nlukasz oster\ngrosse aeble\t\x1f45",
    );
    expect(contactMatchesSearch({ ...jane, name: "Łukasz Øster" }, "ŁUKASZ")).toBe(true);
  });

  it("turns separators inside a field into spaces, and cuts the fields (not the digits) at SEARCH_TEXT_FIELDS_MAX characters", () => {
    expect(contactSearchText({ name: "Jo\nAnne\tX\x1fY", businessName: null, email: null, phoneNumber: "+1" })).toBe("\njo anne x y\n\t\x1f1");
    const text = contactSearchText({ name: "𝒜".repeat(300), businessName: "b".repeat(200), email: null, phoneNumber: "+61491570156" });
    const [fields, digits] = text.split("\x1f");
    expect(Array.from(fields!)).toHaveLength(SEARCH_TEXT_FIELDS_MAX);
    expect(digits).toBe("61491570156");
  });

  it("a query's control characters are spaces: no query holds a separator", () => {
    expect(parseSearch("lee\x1fsmith")?.text).toBe("lee smith");
    expect(parseSearch("\tjo\n")?.text).toBe("jo");
  });
});

describe("escapeLike", () => {
  it("escapes the LIKE wildcards and the escape character", () => {
    expect(escapeLike("100%_a\\b")).toBe("100\\%\\_a\\\\b");
  });
});
