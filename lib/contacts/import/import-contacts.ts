import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { resolveColumnMapping, type ColumnMappingInput, type ColumnTarget } from "@/lib/contacts/import/column-mapping";
import { decodeCsvFile } from "@/lib/contacts/import/decode-csv-file";
import { IMPORT_MAX_REPORTED_ERRORS } from "@/lib/contacts/import/limits";
import { parseCsv } from "@/lib/contacts/import/parse-csv";
import type { ImportMode } from "@/lib/contacts/import/read-import-request";
import { validateRows, type ImportRowError } from "@/lib/contacts/import/validate-rows";
import { countExistingPhones, upsertContacts } from "@/lib/contacts/import/write-contacts";

export interface ImportReport {
  dryRun: boolean;
  mode: ImportMode;
  /** Contact rows in the file (blank lines not counted). */
  rows: number;
  validRows: number;
  invalidRows: number;
  /** New contacts (or, on a dry run, that would be). */
  created: number;
  /** Existing contacts with the same phone number, updated (or that would be). */
  updated: number;
  /** Rows not imported because of their problems. */
  skipped: number;
  errors: ImportRowError[];
  /** More problems than IMPORT_MAX_REPORTED_ERRORS: the list stops there, the counts do not. */
  errorsTruncated: boolean;
  columns: { header: string; target: ColumnTarget; key?: string }[];
  delimiter: string;
}

export interface ImportOptions {
  mapping?: ColumnMappingInput;
  mode: ImportMode;
  dryRun: boolean;
}

/** A one-column header is usually a file split on a delimiter we did not expect. */
function mappingHint(headers: string[]): string {
  if (headers.length !== 1) return ` The file's columns are: ${headers.map((h) => `"${h}"`).join(", ")}.`;
  return ` The file seems to have a single column ("${headers[0]!.slice(0, 80)}"). Save it as CSV with commas, semicolons or tabs between the values.`;
}

/**
 * Imports a CSV file into the organization's contacts: decode, parse, map the columns, validate every
 * row, then — unless it is a dry run — write them in batches inside one transaction.
 * all_or_nothing (the default) writes nothing while any row has a problem (a 400 listing them);
 * valid_only writes the valid rows and reports the rest as skipped.
 */
export async function importContacts(organization: { id: string; defaultCountry: string }, file: Uint8Array, options: ImportOptions): Promise<ImportReport> {
  const csv = parseCsv(decodeCsvFile(file));
  const mapping = resolveColumnMapping(csv.headers, options.mapping);
  if (!mapping.ok) throw new AppError("invalid_input", mapping.message + mappingHint(csv.headers));
  const { valid, errors, invalidRows } = validateRows(csv.rows, mapping.columns, organization.defaultCountry, csv.rowProblems);

  const report: ImportReport = {
    dryRun: options.dryRun,
    mode: options.mode,
    rows: csv.rows.length,
    validRows: valid.length,
    invalidRows,
    created: 0,
    updated: 0,
    skipped: invalidRows,
    errors: errors.slice(0, IMPORT_MAX_REPORTED_ERRORS),
    errorsTruncated: errors.length > IMPORT_MAX_REPORTED_ERRORS,
    columns: mapping.columns.map(({ header, target, key }) => (key ? { header, target, key } : { header, target })),
    delimiter: csv.delimiter,
  };
  const contacts = valid.map((row) => row.contact);

  if (options.dryRun) {
    const existing = await countExistingPhones(getDb(), organization.id, contacts.map((c) => c.phoneNumber));
    return { ...report, created: contacts.length - existing, updated: existing };
  }
  if (invalidRows > 0 && options.mode === "all_or_nothing") {
    const rows = invalidRows === 1 ? "1 row has a problem" : `${invalidRows.toLocaleString("en")} rows have problems`;
    throw new AppError("invalid_input", `${rows}, so nothing was imported. Fix the file, or import only the valid rows.`, {
      extra: { report: { ...report, skipped: report.rows } },
    });
  }
  const counts = await getDb().$transaction((tx) => upsertContacts(tx, organization.id, contacts), { maxWait: 10_000, timeout: 120_000 });
  return { ...report, ...counts };
}
