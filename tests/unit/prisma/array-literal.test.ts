import { describe, expect, it } from "vitest";
import { arrayLiteral } from "@/lib/prisma/array-literal";

describe("arrayLiteral", () => {
  it("quotes every element, so nothing inside one is read as syntax", () => {
    expect(arrayLiteral(["a", "b c", "x,y", "{}", "NULL", ""])).toBe('{"a","b c","x,y","{}","NULL",""}');
  });

  it("escapes quotes and backslashes, and writes null as the bare word", () => {
    expect(arrayLiteral(['say "hi"', "C:\\path\\", null])).toBe('{"say \\"hi\\"","C:\\\\path\\\\",NULL}');
  });

  it("writes an empty column as an empty array", () => {
    expect(arrayLiteral([])).toBe("{}");
  });
});
