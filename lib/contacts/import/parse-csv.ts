import Papa from "papaparse";
import { AppError } from "@/lib/errors";
import { columnLetter } from "@/lib/contacts/import/column-mapping";
import { IMPORT_MAX_COLUMNS, IMPORT_MAX_HEADER_CHARS, IMPORT_MAX_ROWS } from "@/lib/contacts/import/limits";

export interface CsvRow {
  /** The row number a spreadsheet shows: the header is row 1, the first contact row 2. */
  row: number;
  cells: string[];
}

export interface ParsedCsv {
  headers: string[];
  rows: CsvRow[];
  delimiter: string;
  /** Rows with a problem of structure (a broken quote), reported with the row. */
  rowProblems: Map<number, string>;
}

const DELIMITERS = [",", ";", "\t", "|"];

const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === "");

/**
 * Splits CSV text into a header and rows with papaparse. The delimiter is detected (comma, semicolon,
 * tab or pipe); blank lines are skipped but still counted, so row numbers match the spreadsheet.
 * Refuses, before any row is looked at, what cannot be imported at all: no header, too many columns
 * in the header, a header cell too long to be a column's name, too many rows, or a quote that never
 * closes (everything after it would be one cell).
 */
export function parseCsv(text: string): ParsedCsv {
  // papaparse guesses the delimiter from consistent field counts, which blank lines spoil: guess on
  // the first lines without them, then read everything with blank lines kept (for row numbers).
  const { delimiter } = Papa.parse<string[]>(text, { delimiter: "", delimitersToGuess: DELIMITERS, skipEmptyLines: "greedy", preview: 50 }).meta;
  // Stop reading two records past the limit: enough to know it is over, without parsing a huge file.
  const result = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, preview: IMPORT_MAX_ROWS + 2 });
  const records = result.data;
  const headerIndex = records.findIndex((cells) => !isBlank(cells));
  if (headerIndex === -1) throw new AppError("invalid_input", "The file is empty. Choose a CSV file with a header row and at least one contact.");

  const rowProblems = new Map<number, string>();
  for (const error of result.errors) {
    if (error.type !== "Quotes" || error.row === undefined) continue;
    if (error.code === "MissingQuotes") {
      throw new AppError(
        "invalid_input",
        `Row ${error.row + 1} opens a quoted value (") that never closes, so the rest of the file can't be read. Check that row in your spreadsheet and save the file as CSV again.`,
      );
    }
    rowProblems.set(error.row + 1, 'This row has a stray quote ("). Check the row in your spreadsheet and save it again as CSV.');
  }

  const headers = records[headerIndex]!.map((cell) => cell.trim());
  if (headers.length > IMPORT_MAX_COLUMNS) {
    throw new AppError(
      "invalid_input",
      `The header row has ${headers.length.toLocaleString("en")} columns; an import takes at most ${IMPORT_MAX_COLUMNS}. Remove the columns you don't need.`,
    );
  }
  const longHeader = headers.findIndex((header) => header.length > IMPORT_MAX_HEADER_CHARS);
  if (longHeader !== -1) {
    throw new AppError(
      "invalid_input",
      `The header of column ${columnLetter(longHeader)} (row ${headerIndex + 1}) is ${headers[longHeader]!.length.toLocaleString("en")} characters long; a header can have at most ${IMPORT_MAX_HEADER_CHARS}. Check that the first row holds the column names.`,
    );
  }
  const rows: CsvRow[] = [];
  for (let index = headerIndex + 1; index < records.length; index++) {
    const cells = records[index]!;
    if (!isBlank(cells)) rows.push({ row: index + 1, cells });
  }
  if (rows.length > IMPORT_MAX_ROWS || result.meta.truncated) {
    throw new AppError(
      "invalid_input",
      `The file has more than ${IMPORT_MAX_ROWS.toLocaleString("en")} contacts; that is the limit for one import. Split it into smaller files.`,
    );
  }
  if (rows.length === 0) throw new AppError("invalid_input", "The file has a header row but no contacts below it.");
  return { headers, rows, delimiter: result.meta.delimiter, rowProblems };
}
