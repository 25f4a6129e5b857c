import { describe, expect, it } from "vitest";
import { csvCell, csvLine } from "@/lib/csv/csv-cell";
import { normalizeWebsite } from "@/lib/contacts/schemas";
import { createId } from "@/lib/ids/create-id";

describe("csvCell", () => {
  it.each([
    ['=HYPERLINK("http://evil")', '"\'=HYPERLINK(""http://evil"")"'],
    ["+61491570156", "'+61491570156"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tTAB", "'\tTAB"],
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["", ""],
  ])("%j → %j", (input, output) => {
    expect(csvCell(input)).toBe(output);
  });

  it("writes a CRLF line, nulls as empty cells", () => {
    expect(csvLine(["a", null, undefined, "b"])).toBe("a,,,b\r\n");
  });
});

describe("normalizeWebsite", () => {
  it.each([
    ["example.com", "https://example.com"],
    ["www.example.com/about", "https://www.example.com/about"],
    ["http://example.com", "http://example.com"],
    ["HTTPS://Example.com/x", "HTTPS://Example.com/x"],
    ["example.com:8080/x", "https://example.com:8080/x"],
    ["javascript:alert(1)", null],
    ["mailto:a@b.co", null],
    ["localhost", null],
    ["not a site", null],
  ])("%j → %j", (input, output) => {
    expect(normalizeWebsite(input)).toBe(output);
  });
});

describe("createId", () => {
  it("makes cuid-shaped ids that do not repeat", () => {
    const ids = Array.from({ length: 20_000 }, createId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 50)) expect(id).toMatch(/^c[0-9a-z]{24}$/);
  });
});
