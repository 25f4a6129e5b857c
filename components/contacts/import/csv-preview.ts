import Papa from "papaparse";
import { IMPORT_MAX_BYTES, IMPORT_MAX_COLUMNS, IMPORT_MAX_MEGABYTES } from "@/lib/contacts/import/limits";

export interface CsvPreview {
  headers: string[];
  /** The first rows below the header, as the file has them. */
  rows: string[][];
}

const PREVIEW_ROWS = 5;

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Reads just the start of a chosen file in the browser, to show its first rows and propose a column
 * mapping. Every row is checked by the server (a dry run), never here. Refuses at once what the server
 * would refuse for its size or for not being text.
 */
export async function readCsvPreview(file: File): Promise<CsvPreview> {
  if (file.size === 0) throw new Error("This file is empty. Choose a CSV file with a header row and at least one contact.");
  if (file.size > IMPORT_MAX_BYTES) {
    throw new Error(`This file is ${megabytes(file.size)}; an import takes at most ${IMPORT_MAX_MEGABYTES} MB. Split it into smaller files.`);
  }
  const head = new Uint8Array(await file.slice(0, 4096).arrayBuffer());
  if (head[0] === 0x50 && head[1] === 0x4b)
    throw new Error("This looks like a spreadsheet file (.xlsx or similar), not a CSV. Save it as CSV first, then choose that file.");
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (!utf16 && head.includes(0))
    throw new Error("This file is not a CSV text file. In your spreadsheet, use Save as / Download → CSV, then choose that file.");

  const records = await new Promise<string[][]>((resolve, reject) => {
    Papa.parse<string[]>(file, {
      preview: PREVIEW_ROWS + 1,
      delimiter: "",
      delimitersToGuess: [",", ";", "\t", "|"],
      skipEmptyLines: "greedy",
      encoding: utf16 ? "utf-16" : "utf-8",
      complete: (result) => resolve(result.data),
      error: (error) => reject(new Error(`The file could not be read: ${error.message}`)),
    });
  });
  const [header, ...rows] = records;
  if (!header || header.every((cell) => !cell.trim())) throw new Error("The first row should name the columns, for example: name, phone, email.");
  if (header.length > IMPORT_MAX_COLUMNS)
    throw new Error(`The header row has ${header.length.toLocaleString("en")} columns; an import takes at most ${IMPORT_MAX_COLUMNS}.`);
  if (rows.length === 0) throw new Error("The file has a header row but no contacts below it.");
  return { headers: header.map((cell) => cell.replace(/^\uFEFF/, "").trim()), rows };
}
