import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { resolveColumnMapping, type ColumnMappingInput, type ColumnTarget } from "@/lib/contacts/import/column-mapping";
import { decodeCsvFile } from "@/lib/contacts/import/decode-csv-file";
import { checkInSlices, type CheckedRows } from "@/lib/contacts/import/check-in-slices";
import { IMPORT_MAX_REPORTED_ERRORS, IMPORT_WRITE_CHUNK_ROWS } from "@/lib/contacts/import/limits";
import { parseCsv } from "@/lib/contacts/import/parse-csv";
import type { ImportMode } from "@/lib/contacts/import/read-import-request";
import { createRowValidator, type ImportContact, type ImportRowError, type ValidatedRows } from "@/lib/contacts/import/validate-rows";
import { previewUpdates, type ImportRename } from "@/lib/contacts/import/preview-updates";
import {
  addAuditedChanges,
  addWriteCounts,
  NO_AUDITED_CHANGES,
  prepareChunk,
  upsertChunk,
  type AuditedChanges,
  type WriteCounts,
} from "@/lib/contacts/import/write-contacts";
import { lockDoNotCallForChange } from "@/lib/compliance/do-not-call/do-not-call-lock";
import { recordAuditEvent } from "@/lib/compliance/record-audit-event";
import type { DbClient } from "@/lib/db";

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
  /** Of the updates, contacts that already held what the file says, left as they were; absent on a dry run (it does not compare) and when nothing was written. */
  unchanged?: number;
  /**
   * Dry run only: existing contacts whose name a row would change (another name on a number the clinic
   * has), counted, and the first IMPORT_MAX_LISTED_RENAMES listed by row. A real import leaves them out:
   * the upsert cannot return a row's old name (RETURNING sees only the new row before PostgreSQL 18), and
   * reading them first would add a statement per chunk to the write; staff saw the list in the check step.
   */
  renameCount?: number;
  renames?: ImportRename[];
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
 * row, and — unless it is a dry run — write them, IMPORT_WRITE_CHUNK_ROWS per statement inside one
 * transaction, each chunk sent while the next one is checked and prepared (the database and the app
 * overlap: on two cores, with the columns prepared ahead, a 100,000-row import ran 1.2–1.4× faster; docs/benchmarks.md).
 * all_or_nothing (the default) writes nothing while any row has a problem (a 400 listing them: the
 * transaction is rolled back, and no chunk is sent after the first problem);
 * valid_only writes the valid rows and reports the rest as skipped.
 */
export async function importContacts(
  organization: { id: string; defaultCountry: string },
  file: Uint8Array,
  options: ImportOptions,
  addedBy?: { userId: string; email: string },
): Promise<ImportReport> {
  const csv = parseCsv(decodeCsvFile(file));
  const mapping = resolveColumnMapping(csv.headers, options.mapping);
  if (!mapping.ok) throw new AppError("invalid_input", mapping.message + mappingHint(csv.headers));
  const validate = createRowValidator(mapping.columns, organization.defaultCountry, csv.rowProblems);

  const reportOf = (
    { validRows, errors, invalidRows }: CheckedRows,
    counts: { created: number; updated: number; unchanged?: number; renameCount?: number; renames?: ImportRename[] },
  ): ImportReport => ({
    dryRun: options.dryRun,
    mode: options.mode,
    rows: csv.rows.length,
    validRows,
    invalidRows,
    ...counts,
    skipped: invalidRows,
    errors: errors.slice(0, IMPORT_MAX_REPORTED_ERRORS),
    errorsTruncated: errors.length > IMPORT_MAX_REPORTED_ERRORS,
    columns: mapping.columns.map(({ header, target, key }) => (key ? { header, target, key } : { header, target })),
    delimiter: csv.delimiter,
  });

  if (options.dryRun) {
    const valid: ValidatedRows["valid"] = [];
    const checked = await checkInSlices(csv.rows, validate, (part) => {
      for (const row of part.valid) valid.push(row);
    });
    const { updated, renameCount, renames } = await previewUpdates(getDb(), organization, valid);
    return reportOf(checked, { created: valid.length - updated, updated, renameCount, renames });
  }

  const counts: WriteCounts = { created: 0, updated: 0, unchanged: 0 };
  const audited: AuditedChanges = { ...NO_AUDITED_CHANGES };
  let checked: CheckedRows = { validRows: 0, invalidRows: 0, errors: [] };
  const refuse = () => {
    const rows = checked.invalidRows === 1 ? "1 row has a problem" : `${checked.invalidRows.toLocaleString("en")} rows have problems`;
    const report = reportOf(checked, { created: 0, updated: 0 });
    return new AppError("invalid_input", `${rows}, so nothing was imported. Fix the file, or import only the valid rows.`, {
      extra: { report: { ...report, skipped: report.rows } },
    });
  };
  await getDb().$transaction(
    async (tx) => {
      let written: Promise<unknown> = Promise.resolve();
      let pending: ImportContact[] = [];
      let restricts = false;
      checked = await checkInSlices(csv.rows, validate, (part, totals, last) => {
        // all_or_nothing sends nothing after the first problem (the transaction will be rolled back).
        const sending = options.mode === "valid_only" || totals.invalidRows === 0;
        if (sending) for (const row of part.valid) pending.push(row.contact);
        else pending = [];
        if (pending.length < IMPORT_WRITE_CHUNK_ROWS && !(last && pending.length > 0)) return;
        // Prepared here, while the database writes the chunk before; sent as soon as that one is done
        // (one statement at a time on the transaction's connection).
        const chunk = prepareChunk(pending);
        restricts ||= chunk.restrictsCalls;
        pending = [];
        written = written.then(async () => {
          const result = await upsertChunk(tx, organization.id, chunk, addedBy);
          addWriteCounts(counts, result);
          addAuditedChanges(audited, result.audited);
        });
        // Handled here so a failed statement is not an unhandled rejection while the checks go on;
        // `await written` below still throws it.
        written.catch(() => {});
      });
      await written;
      // Throwing rolls back whatever was written before the first problem.
      if (options.mode === "all_or_nothing" && checked.invalidRows > 0) throw refuse();
      await auditImport(tx, organization.id, addedBy, audited, { rows: csv.rows.length, invalidRows: checked.invalidRows });
      // Last, once for the whole file and held only for the commit (PreparedChunk.restrictsCalls).
      if (restricts) await lockDoNotCallForChange(tx, organization.id);
    },
    // Inside the route's maxDuration (300 s): a 100,000-row file on a loaded host needs more than 120 s.
    { maxWait: 10_000, timeout: 280_000 },
  );
  return reportOf(checked, counts);
}

/**
 * One audit event per file for what it changed that the log keeps (not one per row: a 100,000-row file
 * would write 100,000 events in its transaction and bury every other entry of the log): the contacts whose
 * consent it changed, counted, and the numbers it put on the do-not-call list. Written before the lock,
 * which stays last.
 */
async function auditImport(
  tx: DbClient,
  organizationId: string,
  actor: { userId: string; email: string } | undefined,
  audited: AuditedChanges,
  file: { rows: number; invalidRows: number },
): Promise<void> {
  const common = { organizationId, actor: actor ?? null, targetType: "organization", targetId: organizationId };
  if (audited.consentChanged > 0) {
    const { consentChanged: contacts, consentToNone: toNone, consentFromNone: fromNone } = audited;
    await recordAuditEvent(tx, { ...common, action: "CONSENT_CHANGED", data: { via: "contacts import", contacts, toNone, fromNone, ...file } });
  }
  if (audited.listed > 0) {
    await recordAuditEvent(tx, { ...common, action: "DO_NOT_CALL_IMPORTED", data: { via: "contacts import", added: audited.listed, ...file } });
  }
}
