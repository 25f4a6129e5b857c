import { describe, expect, it } from "vitest";
import { columnLetter, guessColumnTargets, resolveColumnMapping } from "@/lib/contacts/import/column-mapping";

describe("guessColumnTargets", () => {
  it("recognises the usual spellings and makes every other column a custom field", () => {
    expect(guessColumnTargets(["Full Name", "Mobile Number", "E-mail", "Company", "Website", "Time Zone", "DNC", "Appointment Type", ""])).toEqual([
      "name",
      "phone",
      "email",
      "business_name",
      "business_website",
      "timezone",
      "do_not_call",
      "custom",
      "ignore",
    ]);
  });

  it("takes first and last name columns, and the first of two phone-looking columns", () => {
    expect(guessColumnTargets(["First name", "Surname", "Phone", "Mobile"])).toEqual(["first_name", "last_name", "phone", "custom"]);
  });

  it("leaves out the bookkeeping columns of our own export", () => {
    expect(guessColumnTargets(["name", "phone", "last_call_outcome", "last_call_at", "created_at", "health_fund"])).toEqual([
      "name",
      "phone",
      "ignore",
      "ignore",
      "ignore",
      "custom",
    ]);
  });

  it("never guesses a field that was chosen explicitly for another column", () => {
    expect(guessColumnTargets(["Phone", "Mobile"], [undefined, "phone"])).toEqual(["custom", "phone"]);
  });
});

describe("resolveColumnMapping", () => {
  it("resolves custom fields to their snake_case keys", () => {
    const result = resolveColumnMapping(["name", "phone", "Preferred Doctor"]);
    expect(result).toEqual({
      ok: true,
      columns: [
        { index: 0, header: "name", target: "name" },
        { index: 1, header: "phone", target: "phone" },
        { index: 2, header: "Preferred Doctor", target: "custom", key: "preferred_doctor" },
      ],
    });
  });

  it("accepts a mapping by header name or in column order", () => {
    const byName = resolveColumnMapping(["Patient", "Tel", "Notes"], { Patient: "name", Tel: "phone", Notes: "ignore" });
    const byIndex = resolveColumnMapping(["Patient", "Tel", "Notes"], ["name", "phone", "ignore"]);
    expect(byName).toEqual(byIndex);
    expect(byName.ok && byName.columns.map((c) => c.target)).toEqual(["name", "phone", "ignore"]);
  });

  it.each([
    [["name", "email"], undefined, /No column is set to Phone/],
    [["phone", "email"], undefined, /No column is set to Name/],
    [["a", "b"], ["phone", "phone"], /Columns A and B are both set to Phone/],
    [["name", "phone", "Notes", "notes"], undefined, /Columns C \("Notes"\) and D \("notes"\) would both be saved as the custom field notes/],
    [["name", "phone"], { Mobile: "phone" }, /names "Mobile", but the file has no column with that header/],
    [["name", "phone", "x", "x"], { x: "email" }, /Two columns are named "x"/],
    [["name", "phone", "???"], ["name", "phone", "custom"], /Column C has no header to name its custom field by/],
  ] as const)("refuses %j with %j", (headers, mapping, message) => {
    const result = resolveColumnMapping(headers, mapping as never);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it("names columns with spreadsheet letters", () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(["A", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
  });
});
