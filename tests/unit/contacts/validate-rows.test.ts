import { describe, expect, it } from "vitest";
import { resolveColumnMapping } from "@/lib/contacts/import/column-mapping";
import { parseCsv } from "@/lib/contacts/import/parse-csv";
import { unguardCell, validateRows } from "@/lib/contacts/import/validate-rows";

function validate(text: string, country = "AU") {
  const csv = parseCsv(text);
  const mapping = resolveColumnMapping(csv.headers);
  if (!mapping.ok) throw new Error(mapping.message);
  return validateRows(csv.rows, mapping.columns, country, csv.rowProblems);
}

describe("validateRows", () => {
  it("turns valid rows into contacts: E.164, snake_case custom fields, blanks as null", () => {
    const result = validate(
      "name,phone,email,Business,Website,Time zone,DNC,Appointment Type,Notes\nJane Citizen,0491 570 156,JANE@example.com,,example.com,,,flu vaccination,\n",
    );
    expect(result.errors).toEqual([]);
    expect(result.valid).toEqual([
      {
        row: 2,
        contact: {
          name: "Jane Citizen",
          phoneNumber: "+61491570156",
          email: "JANE@example.com",
          businessName: null,
          businessWebsite: "https://example.com",
          timezone: null,
          language: null,
          doNotCall: null,
          doNotCallReason: null,
          consentBasis: null,
          consentSource: null,
          consentDate: null,
          customFields: { appointment_type: "flu vaccination" },
        },
      },
    ]);
  });

  it("joins first and last name columns", () => {
    expect(validate("First name,Last name,Mobile\nJane,Citizen,0491570156\n").valid[0]!.contact.name).toBe("Jane Citizen");
  });

  it("reports every problem with its row and column, in the words staff need", () => {
    const result = validate(
      [
        "name,phone,email,timezone,do_not_call",
        "Jane,0491 570 156,jane@example,,",
        ",0491 570 110,,,",
        "Sam,12345,,,",
        "Alex,0491 570 111,,Mars/Olympus,",
        "Kim,0491 570 112,,,maybe",
      ].join("\n"),
    );
    expect(result.valid).toEqual([]);
    expect(result.invalidRows).toBe(5);
    expect(result.errors).toEqual([
      { row: 2, column: "email", message: expect.stringMatching(/"jane@example": Enter a valid email address/) },
      { row: 3, column: "name", message: "The name is empty." },
      { row: 4, column: "phone", message: expect.stringMatching(/"12345" is not a valid phone number for AU/) },
      { row: 5, column: "timezone", message: expect.stringMatching(/"Mars\/Olympus": Use an IANA time zone/) },
      { row: 6, column: "do_not_call", message: '"maybe" is not yes or no.' },
    ]);
  });

  it("keeps the first of two rows with the same number and reports the later one", () => {
    const result = validate("name,phone\nJane,0491 570 156\nJanet,+61 491 570 156\nSam,0491 570 110\n");
    expect(result.valid.map((v) => v.row)).toEqual([2, 4]);
    expect(result.errors).toEqual([{ row: 3, column: "phone", message: expect.stringMatching(/Same phone number as row 2 \(0491 570 156\)/) }]);
  });

  it("reads do-not-call yes/no spellings, and keeps a reason only with yes", () => {
    const result = validate(
      "name,phone,do_not_call,do_not_call_reason\nA,0491570101,Yes,Asked\nB,0491570102,no,ignored\nC,0491570103,x,\nD,0491570104,FALSE,\n",
    );
    expect(result.valid.map((v) => [v.contact.doNotCall, v.contact.doNotCallReason])).toEqual([
      [true, "Asked"],
      [false, null],
      [true, null],
      [false, null],
    ]);
  });

  it("refuses a row with more values than the header has columns (10,000 columns, say)", () => {
    const wide = Array.from({ length: 10_000 }, (_, i) => `v${i}`).join(",");
    const result = validate(`name,phone\nJane,0491 570 156\n${wide}\nSam,0491 570 110,,,\n`);
    expect(result.valid.map((v) => v.row)).toEqual([2, 4]);
    expect(result.errors).toEqual([{ row: 3, message: expect.stringMatching(/has 10,000 values but the header has 2 columns/) }]);
  });

  it("refuses a cell over 10,000 characters", () => {
    const result = validate(`name,phone,notes\nJane,0491 570 156,${"x".repeat(10_001)}\n`);
    expect(result.errors).toEqual([{ row: 2, message: expect.stringMatching(/Column C holds more than 10,000 characters/) }]);
  });

  it("undoes the formula guard of our own export", () => {
    expect(unguardCell("'+61491570156")).toBe("+61491570156");
    expect(unguardCell("'=SUM(A1)")).toBe("=SUM(A1)");
    expect(unguardCell("'quoted")).toBe("'quoted");
    expect(validate("name,phone\nJane,'+61491570156\n").valid[0]!.contact.phoneNumber).toBe("+61491570156");
  });
});
