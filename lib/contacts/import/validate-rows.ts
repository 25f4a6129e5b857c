import { normalizePhone, formatPhoneForDisplay } from "@/lib/contacts/normalize-phone";
import { normalizeCustomFields, readCustomFieldName } from "@/lib/contacts/custom-fields";
import { consentDateSchema, contactEmailSchema, contactNameSchema, contactTimezoneSchema, contactWebsiteSchema } from "@/lib/contacts/schemas";
import type { ConsentBasis } from "@/lib/generated/prisma/enums";
import { columnLetter, type ImportField, type ResolvedColumn } from "@/lib/contacts/import/column-mapping";
import { IMPORT_MAX_CELL_CHARS } from "@/lib/contacts/import/limits";
import type { CsvRow } from "@/lib/contacts/import/parse-csv";
import type { z } from "zod";
import { optionalLanguageSchema } from "@/lib/language/supported-languages";

/**
 * One contact as a CSV row gives it. null means the cell was blank: an update keeps what the contact
 * has (a blank cell never erases), and doNotCall null leaves the list alone (true puts the number on the
 * do-not-call list; a file never takes one off).
 */
export interface ImportContact {
  name: string;
  phoneNumber: string;
  email: string | null;
  businessName: string | null;
  businessWebsite: string | null;
  timezone: string | null;
  /** A supported BCP 47 tag; null (blank) keeps what the contact has, or the clinic's default. */
  language: string | null;
  doNotCall: boolean | null;
  doNotCallReason: string | null;
  consentBasis: ConsentBasis | null;
  consentSource: string | null;
  consentDate: Date | null;
  customFields: Record<string, string>;
}

export interface ImportRowError {
  row: number;
  /** The column's header, when the problem is in one cell. */
  column?: string;
  message: string;
}

export interface ValidatedRows {
  valid: { row: number; contact: ImportContact }[];
  /** Every problem, in row order; a row may have several. */
  errors: ImportRowError[];
  invalidRows: number;
}

const YES = new Set(["yes", "y", "true", "t", "1", "x", "dnc", "do not call"]);
const NO = new Set(["no", "n", "false", "f", "0"]);
/** Consent as a spreadsheet spells it, compared lower-case with spaces, dashes and underscores as one. */
const CONSENT_WORDS = new Map<string, ConsentBasis>([
  ["care_reminders", "CARE_REMINDERS"],
  ["care_reminder", "CARE_REMINDERS"],
  ["care", "CARE_REMINDERS"],
  ["reminders", "CARE_REMINDERS"],
  ["marketing", "MARKETING"],
  ["none", "NONE"],
  ["no_consent", "NONE"],
]);

/** Our export guards cells against formula injection with a leading apostrophe ('=…, '+61…): undo it. */
export function unguardCell(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

function firstIssue(result: z.ZodSafeParseResult<unknown>): string | undefined {
  return result.success ? undefined : (result.error.issues[0]?.message ?? "Invalid value");
}

/** A schema's check of one cell, with its answer for a blank cell worked out once: optional columns are blank on most rows. */
function cellCheck<T>(schema: z.ZodType<T>): (text: string) => z.ZodSafeParseResult<T> {
  const blank = schema.safeParse("");
  return (text) => (text === "" ? blank : schema.safeParse(text));
}

const checkEmail = cellCheck(contactEmailSchema);
const checkWebsite = cellCheck(contactWebsiteSchema);
const checkTimezone = cellCheck(contactTimezoneSchema);
const checkLanguage = cellCheck(optionalLanguageSchema);
const checkConsentDate = cellCheck(consentDateSchema);

/**
 * Checks every row against the mapping and turns the valid ones into contacts: the phone read into
 * E.164 with the clinic's country, the name from Name or First + Last name, every cell within the
 * size limit. The same phone number twice in one file is an error on the later row (the first one is
 * kept): two people sharing a number is something staff should decide, not the importer.
 */
export function validateRows(
  rows: readonly CsvRow[],
  columns: readonly ResolvedColumn[],
  country: string,
  rowProblems = new Map<number, string>(),
): ValidatedRows {
  return createRowValidator(columns, country, rowProblems)(rows);
}

/**
 * validateRows in parts: each call checks the next rows, remembering the phone numbers of earlier
 * calls (a repeat in a later part is still an error on the later row). The import validates a chunk
 * while the database writes the one before.
 */
export function createRowValidator(
  columns: readonly ResolvedColumn[],
  country: string,
  rowProblems = new Map<number, string>(),
): (rows: readonly CsvRow[]) => ValidatedRows {
  const fieldColumn = new Map<ImportField, ResolvedColumn>();
  for (const column of columns) if (column.target !== "custom" && column.target !== "ignore") fieldColumn.set(column.target, column);
  const customColumns = columns.filter((column) => column.target === "custom");
  // Each column's key is read once here, not once per row: a header is the same on every row.
  const customNames = customColumns.map((column) => readCustomFieldName(column.header));
  const headerWidth = columns.length;

  const firstRowByPhone = new Map<string, number>();

  return (rows) => {
    const valid: ValidatedRows["valid"] = [];
    const errors: ImportRowError[] = [];
    let invalidRows = 0;

    for (const { row, cells } of rows) {
      const problems: ImportRowError[] = [];
      const problem = (message: string, column?: ResolvedColumn) =>
        problems.push(column ? { row, column: column.header || columnLetter(column.index), message } : { row, message });
      const structural = rowProblems.get(row);
      if (structural) problem(structural);
      const extra = cells.slice(headerWidth).filter((cell) => cell.trim() !== "").length;
      if (extra > 0)
        problem(`This row has ${cells.length.toLocaleString("en")} values but the header has ${headerWidth} columns. Check for a stray comma or delimiter.`);
      const longCell = cells.findIndex((cell) => cell.length > IMPORT_MAX_CELL_CHARS);
      if (longCell !== -1) problem(`Column ${columnLetter(longCell)} holds more than ${IMPORT_MAX_CELL_CHARS.toLocaleString("en")} characters.`);
      if (problems.length) {
        errors.push(...problems);
        invalidRows++;
        continue;
      }

      const cell = (field: ImportField) => {
        const column = fieldColumn.get(field);
        return column ? unguardCell(cells[column.index] ?? "").trim() : "";
      };

      const nameText = fieldColumn.has("name") && cell("name") ? cell("name") : [cell("first_name"), cell("last_name")].filter(Boolean).join(" ");
      const name = contactNameSchema.safeParse(nameText);
      if (!name.success)
        problem(nameText ? firstIssue(name)! : "The name is empty.", fieldColumn.get("name") ?? fieldColumn.get("first_name") ?? fieldColumn.get("last_name"));

      const phoneText = cell("phone");
      const phone = phoneText ? normalizePhone(phoneText, country) : ({ ok: false, message: "The phone number is empty." } as const);
      if (!phone.ok) problem(phone.message, fieldColumn.get("phone"));

      const email = checkEmail(cell("email"));
      if (!email.success) problem(`"${cell("email")}": ${firstIssue(email)}`, fieldColumn.get("email"));
      const website = checkWebsite(cell("business_website"));
      if (!website.success) problem(firstIssue(website)!, fieldColumn.get("business_website"));
      const timezone = checkTimezone(cell("timezone"));
      if (!timezone.success) problem(`"${cell("timezone")}": ${firstIssue(timezone)}`, fieldColumn.get("timezone"));
      const language = checkLanguage(cell("language"));
      if (!language.success) problem(firstIssue(language)!, fieldColumn.get("language"));
      const businessName = cell("business_name");
      if (businessName.length > 200) problem("The business name can be at most 200 characters.", fieldColumn.get("business_name"));
      const reason = cell("do_not_call_reason");
      if (reason.length > 500) problem("The do-not-call reason can be at most 500 characters.", fieldColumn.get("do_not_call_reason"));

      const dncText = cell("do_not_call").toLowerCase();
      let doNotCall: boolean | null = null;
      if (dncText) {
        if (YES.has(dncText)) doNotCall = true;
        else if (NO.has(dncText)) doNotCall = false;
        else problem(`"${cell("do_not_call")}" is not yes or no.`, fieldColumn.get("do_not_call"));
      }

      const consentText = cell("consent_basis");
      const consentBasis = consentText ? (CONSENT_WORDS.get(consentText.toLowerCase().replace(/[\s-]+/g, "_")) ?? null) : null;
      if (consentText && !consentBasis)
        problem(`"${consentText}" is not a consent basis: use care reminders, marketing or none.`, fieldColumn.get("consent_basis"));
      const consentSource = cell("consent_source");
      if (consentSource.length > 200) problem("How consent was given can be at most 200 characters.", fieldColumn.get("consent_source"));
      const consentDate = checkConsentDate(cell("consent_date"));
      if (!consentDate.success) problem(firstIssue(consentDate)!, fieldColumn.get("consent_date"));

      const custom = normalizeCustomFields(
        customColumns.map((column, i) => ({ key: column.header, value: unguardCell(cells[column.index] ?? ""), name: customNames[i] })),
      );
      if (!custom.ok) for (const issue of custom.issues) problem(issue.message);

      if (phone.ok) {
        const earlier = firstRowByPhone.get(phone.e164);
        if (earlier !== undefined) {
          problem(
            `Same phone number as row ${earlier} (${formatPhoneForDisplay(phone.e164, country)}). Each number can belong to one contact: keep one of the rows.`,
            fieldColumn.get("phone"),
          );
        } else if (!problems.length) {
          firstRowByPhone.set(phone.e164, row);
        }
      }

      if (
        problems.length ||
        !name.success ||
        !phone.ok ||
        !email.success ||
        !website.success ||
        !timezone.success ||
        !language.success ||
        !consentDate.success ||
        !custom.ok
      ) {
        errors.push(...problems);
        invalidRows++;
        continue;
      }
      valid.push({
        row,
        contact: {
          name: name.data,
          phoneNumber: phone.e164,
          email: email.data ?? null,
          businessName: businessName || null,
          businessWebsite: website.data ?? null,
          timezone: timezone.data ?? null,
          language: language.data ?? null,
          doNotCall,
          doNotCallReason: doNotCall ? reason || null : null,
          consentBasis,
          consentSource: consentSource || null,
          consentDate: consentDate.data ?? null,
          customFields: custom.fields,
        },
      });
    }
    return { valid, errors, invalidRows };
  };
}
