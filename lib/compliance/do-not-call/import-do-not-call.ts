import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { normalizePhone } from "@/lib/contacts/normalize-phone";
import { columnLetter, guessColumnTargets } from "@/lib/contacts/import/column-mapping";
import { decodeCsvFile } from "@/lib/contacts/import/decode-csv-file";
import { IMPORT_CHECK_SLICE_ROWS, IMPORT_MAX_REPORTED_ERRORS, IMPORT_WRITE_CHUNK_ROWS } from "@/lib/contacts/import/limits";
import { parseCsv } from "@/lib/contacts/import/parse-csv";
import type { ImportMode } from "@/lib/contacts/import/read-import-request";
import { unguardCell, type ImportRowError } from "@/lib/contacts/import/validate-rows";
import { recordAuditEvent, type AuditActor } from "@/lib/compliance/record-audit-event";
import { lockDoNotCallForChange } from "@/lib/compliance/do-not-call/do-not-call-lock";
import { toSnakeCase } from "@/lib/text/snake-case";
import { nextTurn } from "@/lib/runtime/next-turn";
import { arrayLiteral } from "@/lib/prisma/array-literal";

export interface DoNotCallImportReport {
  dryRun: boolean;
  mode: ImportMode;
  rows: number;
  invalidRows: number;
  /** Numbers new to the list (or, on a dry run, that would be). */
  added: number;
  /**
   * Valid rows with nothing to do: numbers already on the list, and repeats within the file. Counted from
   * the list also when the file is refused (all_or_nothing with a bad row): what adding the valid rows would
   * find there.
   */
  alreadyListed: number;
  errors: ImportRowError[];
  errorsTruncated: boolean;
}

const REASON_HEADERS = new Set(["reason", "notes", "note", "comment"]);

/**
 * A CSV of numbers to put on the do-not-call list: the phone column found as the contacts import finds
 * it, an optional reason column, each number read into E.164 with the clinic's country (a malformed one
 * is a row error, as in the contacts import). all_or_nothing (the default) adds nothing while any row has
 * a problem; valid_only adds the valid rows. A number already listed keeps its entry.
 */
export async function importDoNotCall(
  organization: { id: string; defaultCountry: string },
  actor: AuditActor,
  file: Uint8Array,
  options: { mode: ImportMode; dryRun: boolean },
): Promise<DoNotCallImportReport> {
  const csv = parseCsv(decodeCsvFile(file));
  const targets = guessColumnTargets(csv.headers);
  const phoneColumn = targets.indexOf("phone");
  if (phoneColumn === -1) {
    throw new AppError(
      "invalid_input",
      `No column holds phone numbers. Name it "phone" (the file's columns are: ${csv.headers.map((h) => `"${h}"`).join(", ")}).`,
    );
  }
  const reasonColumn =
    targets.indexOf("do_not_call_reason") !== -1
      ? targets.indexOf("do_not_call_reason")
      : csv.headers.findIndex((header) => REASON_HEADERS.has(toSnakeCase(header)));

  const errors: ImportRowError[] = [];
  const numbers = new Map<string, string | null>();
  let invalidRows = 0;
  for (const [index, { row, cells }] of csv.rows.entries()) {
    // Reading 100,000 numbers is seconds of work: a turn of the event loop every slice keeps the server answering.
    if (index > 0 && index % IMPORT_CHECK_SLICE_ROWS === 0) await nextTurn();
    const structural = csv.rowProblems.get(row);
    const typed = unguardCell(cells[phoneColumn] ?? "").trim();
    const phone = typed ? normalizePhone(typed, organization.defaultCountry) : ({ ok: false, message: "The phone number is empty." } as const);
    const reason = reasonColumn === -1 ? "" : unguardCell(cells[reasonColumn] ?? "").trim();
    const problems: ImportRowError[] = [];
    if (structural) problems.push({ row, message: structural });
    if (!phone.ok) problems.push({ row, column: csv.headers[phoneColumn] || columnLetter(phoneColumn), message: phone.message });
    if (reason.length > 500)
      problems.push({ row, column: csv.headers[reasonColumn] || columnLetter(reasonColumn), message: "The reason can be at most 500 characters." });
    if (problems.length || !phone.ok) {
      errors.push(...problems);
      invalidRows++;
      continue;
    }
    if (!numbers.has(phone.e164)) numbers.set(phone.e164, reason || null);
  }

  const validRows = csv.rows.length - invalidRows;
  const phoneNumbers = [...numbers.keys()];
  // `added`: the numbers written (or, on a dry run, new to the list); `fresh`: the valid numbers not on the
  // list, so the rest of the valid rows were already listed or repeated — also when none is written.
  const report = (added: number, fresh = added): DoNotCallImportReport => ({
    dryRun: options.dryRun,
    mode: options.mode,
    rows: csv.rows.length,
    invalidRows,
    added,
    alreadyListed: validRows - fresh,
    errors: errors.slice(0, IMPORT_MAX_REPORTED_ERRORS),
    errorsTruncated: errors.length > IMPORT_MAX_REPORTED_ERRORS,
  });
  if (options.mode === "all_or_nothing" && invalidRows > 0) {
    const rows = invalidRows === 1 ? "1 row has a problem" : `${invalidRows.toLocaleString("en")} rows have problems`;
    const fresh = phoneNumbers.length - (await countListed(organization.id, phoneNumbers));
    throw new AppError("invalid_input", `${rows}, so no number was added. Fix the file, or add only the valid rows.`, {
      extra: { report: report(0, fresh) },
    });
  }

  if (options.dryRun) return report(phoneNumbers.length - (await countListed(organization.id, phoneNumbers)));
  const added = await getDb().$transaction(
    async (tx) => {
      let count = 0;
      for (let start = 0; start < phoneNumbers.length; start += IMPORT_WRITE_CHUNK_ROWS) {
        const chunk = phoneNumbers.slice(start, start + IMPORT_WRITE_CHUNK_ROWS);
        const result = await tx.doNotCallEntry.createMany({
          data: chunk.map((phoneNumber) => ({
            organizationId: organization.id,
            phoneNumber,
            reason: numbers.get(phoneNumber) ?? null,
            source: "IMPORT" as const,
            addedByUserId: actor.userId,
            addedByEmail: actor.email,
          })),
          skipDuplicates: true,
        });
        count += result.count;
      }
      if (count > 0) {
        await recordAuditEvent(tx, {
          organizationId: organization.id,
          action: "DO_NOT_CALL_IMPORTED",
          actor,
          targetType: "organization",
          targetId: organization.id,
          data: { added: count, rows: csv.rows.length, invalidRows },
        });
        // Last, one lock for the whole file, held only for the commit: dials in flight to the numbers
        // either saw none of them or were marked sent before they commit.
        await lockDoNotCallForChange(tx, organization.id);
      }
      return count;
    },
    { maxWait: 10_000, timeout: 120_000 },
  );
  return report(added);
}

/**
 * How many of these numbers are on the clinic's list: one statement, the numbers sent as one array literal
 * (a Prisma `in` list of 100,000 numbers would be past PostgreSQL's parameter limit).
 */
async function countListed(organizationId: string, phoneNumbers: readonly string[]): Promise<number> {
  if (phoneNumbers.length === 0) return 0;
  const [row] = await getDb().$queryRaw<{ listed: number }[]>`
    SELECT count(*)::int AS "listed" FROM "DoNotCallEntry"
     WHERE "organizationId" = ${organizationId} AND "phoneNumber" = ANY(${arrayLiteral(phoneNumbers)}::text[])`;
  return row?.listed ?? 0;
}
