import { describe, expect, it } from "vitest";
import { decodeCsvFile } from "@/lib/contacts/import/decode-csv-file";
import { IMPORT_MAX_COLUMNS, IMPORT_MAX_HEADER_CHARS, IMPORT_MAX_ROWS } from "@/lib/contacts/import/limits";
import { parseCsv } from "@/lib/contacts/import/parse-csv";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("decodeCsvFile", () => {
  it("reads UTF-8 with and without Excel's BOM", () => {
    expect(decodeCsvFile(bytes("name,phone\nJosé,1"))).toBe("name,phone\nJosé,1");
    expect(decodeCsvFile(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes("name")]))).toBe("name");
  });

  it("reads a file that is not UTF-8 as Windows-1252 (old Excel 'CSV')", () => {
    expect(decodeCsvFile(new Uint8Array([...bytes("Jos"), 0xe9]))).toBe("José");
  });

  it("reads UTF-16 with a BOM", () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from(Buffer.from("name,phone", "utf16le"))]);
    expect(decodeCsvFile(utf16)).toBe("name,phone");
  });

  it.each([
    ["an empty file", new Uint8Array(0), /The file is empty/],
    ["binary garbage", new Uint8Array(Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256)), /not a CSV text file/],
    ["a PNG", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), /not a CSV text file/],
    ["an .xlsx (zip)", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), /looks like a spreadsheet file/],
  ])("refuses %s in plain words", (_label, input, message) => {
    expect(() => decodeCsvFile(input)).toThrow(message);
  });
});

describe("parseCsv", () => {
  it.each([
    ["comma", "name,phone\nJane,0491 570 156\n", ","],
    ["semicolon (European Excel)", "name;phone\nJane;0491 570 156\n", ";"],
    ["tab", "name\tphone\nJane\t0491 570 156\n", "\t"],
    ["pipe", "name|phone\nJane|0491 570 156\n", "|"],
  ])("detects the %s delimiter", (_label, text, delimiter) => {
    const csv = parseCsv(text);
    expect(csv.delimiter).toBe(delimiter);
    expect(csv.headers).toEqual(["name", "phone"]);
    expect(csv.rows).toEqual([{ row: 2, cells: ["Jane", "0491 570 156"] }]);
  });

  it("numbers rows as a spreadsheet does: blank lines skipped but counted, quoted line breaks inside one row", () => {
    const csv = parseCsv('name,notes\r\n\r\nJane,"two\nlines"\r\n,\r\nSam,x\r\n');
    expect(csv.rows).toEqual([
      { row: 3, cells: ["Jane", "two\nlines"] },
      { row: 5, cells: ["Sam", "x"] },
    ]);
  });

  it("refuses a quote that never closes, naming its row", () => {
    expect(() => parseCsv('name,phone\nJane,"0491 570 156\nSam,0491 570 110\n')).toThrow(/Row 2 opens a quoted value/);
  });

  it("refuses a header without contacts, and an empty file", () => {
    expect(() => parseCsv("name,phone\n\n")).toThrow(/header row but no contacts/);
    expect(() => parseCsv("\n\n")).toThrow(/The file is empty/);
  });

  it(`refuses more than ${IMPORT_MAX_COLUMNS} columns in the header`, () => {
    const header = Array.from({ length: IMPORT_MAX_COLUMNS + 1 }, (_, i) => `c${i}`).join(",");
    expect(() => parseCsv(`${header}\n1\n`)).toThrow(/201 columns; an import takes at most 200/);
  });

  it(`refuses a header cell over ${IMPORT_MAX_HEADER_CHARS} characters, naming its column, before any row is read`, () => {
    // The file that froze the server: a 60,000-letter header and 2,000 rows.
    const text = `name,phone,${"A".repeat(60_000)}\n${"Jane,0491570156,x\n".repeat(2_000)}`;
    expect(() => parseCsv(text)).toThrow("The header of column C (row 1) is 60,000 characters long; a header can have at most 200.");
    const longest = "h".repeat(IMPORT_MAX_HEADER_CHARS);
    expect(parseCsv(`name,phone,${longest}\nJane,0491570156,x\n`).headers).toEqual(["name", "phone", longest]);
    expect(() => parseCsv(`\n\nname,${longest}x,phone\nJane,x,1\n`)).toThrow(/column B \(row 3\) is 201 characters long/);
  });

  it(`refuses more than ${IMPORT_MAX_ROWS.toLocaleString("en")} rows without reading the rest`, () => {
    const text = `name,phone\n${"a,1\n".repeat(IMPORT_MAX_ROWS + 5)}`;
    expect(() => parseCsv(text)).toThrow(`more than ${IMPORT_MAX_ROWS.toLocaleString("en")} contacts`);
    expect(parseCsv(`name,phone\n${"a,1\n".repeat(IMPORT_MAX_ROWS)}`).rows).toHaveLength(IMPORT_MAX_ROWS);
  });
});
