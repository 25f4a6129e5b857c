import { IMPORT_CHECK_SLICE_ROWS } from "@/lib/contacts/import/limits";
import type { CsvRow } from "@/lib/contacts/import/parse-csv";
import type { ImportRowError, ValidatedRows } from "@/lib/contacts/import/validate-rows";
import { nextTurn } from "@/lib/runtime/next-turn";

/** The checks' totals so far. */
export interface CheckedRows {
  validRows: number;
  invalidRows: number;
  /** Every problem, in row order. */
  errors: ImportRowError[];
}

/**
 * Checks every row, `sliceRows` at a time with a turn of the event loop between slices: a 100,000-row
 * file is seconds of checks, and other requests to the server are answered meanwhile (during a write, a
 * finished statement's next one goes out within a slice's time instead of after all the checks).
 * `onSlice` gets each slice's result with the totals so far, the slice included.
 */
export async function checkInSlices(
  rows: readonly CsvRow[],
  validate: (rows: readonly CsvRow[]) => ValidatedRows,
  onSlice: (part: ValidatedRows, totals: CheckedRows, last: boolean) => void,
  sliceRows = IMPORT_CHECK_SLICE_ROWS,
): Promise<CheckedRows> {
  const totals: CheckedRows = { validRows: 0, invalidRows: 0, errors: [] };
  for (let start = 0; start < rows.length; start += sliceRows) {
    const part = validate(rows.slice(start, start + sliceRows));
    totals.validRows += part.valid.length;
    totals.invalidRows += part.invalidRows;
    for (const error of part.errors) totals.errors.push(error);
    onSlice(part, totals, start + sliceRows >= rows.length);
    await nextTurn();
  }
  return totals;
}
