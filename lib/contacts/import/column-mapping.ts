// How the columns of a CSV file map onto a contact. Pure, so the import dialog proposes exactly the
// mapping the server would guess, and tests can pin it down.
import { toSnakeCase } from "@/lib/text/snake-case";

export const IMPORT_FIELDS = [
  "name",
  "first_name",
  "last_name",
  "phone",
  "email",
  "business_name",
  "business_website",
  "timezone",
  "language",
  "do_not_call",
  "do_not_call_reason",
  "consent_basis",
  "consent_source",
  "consent_date",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
/** A column is one of the contact's fields, a custom field (named after its header), or left out. */
export type ColumnTarget = ImportField | "custom" | "ignore";
export const COLUMN_TARGETS: readonly ColumnTarget[] = [...IMPORT_FIELDS, "custom", "ignore"];

export const COLUMN_TARGET_LABELS: Record<ColumnTarget, string> = {
  name: "Name",
  first_name: "First name",
  last_name: "Last name",
  phone: "Phone",
  email: "Email",
  business_name: "Business name",
  business_website: "Business website",
  timezone: "Time zone",
  language: "Language",
  do_not_call: "Do not call (yes/no)",
  do_not_call_reason: "Do-not-call reason",
  consent_basis: "Consent (care reminders / marketing / none)",
  consent_source: "How consent was given",
  consent_date: "Consent date",
  custom: "Custom field",
  ignore: "Don't import",
};

/** Header spellings recognised for each field, compared in snake_case ("Mobile Number" → mobile_number). */
const SYNONYMS: Record<ImportField, readonly string[]> = {
  name: ["name", "full_name", "contact_name", "contact", "patient", "patient_name", "client", "client_name"],
  first_name: ["first_name", "firstname", "given_name", "first", "forename"],
  last_name: ["last_name", "lastname", "surname", "family_name", "last"],
  phone: [
    "phone",
    "phone_number",
    "phonenumber",
    "mobile",
    "mobile_number",
    "mobile_phone",
    "cell",
    "cell_phone",
    "telephone",
    "tel",
    "contact_number",
    "phone_no",
    "number",
  ],
  email: ["email", "email_address", "e_mail", "mail"],
  business_name: ["business_name", "business", "company", "company_name", "organisation", "organization", "employer"],
  business_website: ["business_website", "website", "web", "url", "company_website", "site", "homepage"],
  timezone: ["timezone", "time_zone", "tz"],
  language: ["language", "lang", "locale", "preferred_language", "spoken_language"],
  do_not_call: ["do_not_call", "dnc", "donotcall", "do_not_contact", "opt_out", "opted_out"],
  do_not_call_reason: ["do_not_call_reason", "dnc_reason", "opt_out_reason"],
  consent_basis: ["consent_basis", "consent", "consent_type"],
  consent_source: ["consent_source", "consent_how", "consent_method"],
  consent_date: ["consent_date", "consented_on", "consent_at", "consent_given"],
};

/** Columns our own export adds that describe the record rather than the person: left out on the way back in. */
const IGNORED_BY_DEFAULT = new Set(["id", "created_at", "updated_at", "last_call_outcome", "last_call_at"]);

const FIELD_BY_SYNONYM = new Map<string, ImportField>(IMPORT_FIELDS.flatMap((field) => SYNONYMS[field].map((synonym) => [synonym, field] as const)));

/** A1-style column letter: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export interface ResolvedColumn {
  index: number;
  header: string;
  target: ColumnTarget;
  /** The custom field's key (snake_case of the header) when target is "custom". */
  key?: string;
}

export type ColumnMappingInput = Partial<Record<string, ColumnTarget>> | ColumnTarget[];

export type ColumnMappingResult = { ok: true; columns: ResolvedColumn[] } | { ok: false; message: string };

/**
 * What each column is, as far as it can be told from the headers (and `explicit` choices, which are
 * kept and never taken by a guess): a known spelling becomes that field (the first column wins if
 * two look like the same field), anything else a custom field; a column without a header, and the
 * bookkeeping columns of our own export (created_at, last_call_…), are left out.
 */
export function guessColumnTargets(headers: readonly string[], explicit: readonly (ColumnTarget | undefined)[] = []): ColumnTarget[] {
  const taken = new Set<ColumnTarget>(explicit.filter((target) => target !== undefined && target !== "custom" && target !== "ignore") as ColumnTarget[]);
  return headers.map((raw, index) => {
    const chosen = explicit[index];
    if (chosen) return chosen;
    const key = toSnakeCase(raw.trim());
    const guess = FIELD_BY_SYNONYM.get(key);
    if (guess && !taken.has(guess)) {
      taken.add(guess);
      return guess;
    }
    return key && !IGNORED_BY_DEFAULT.has(key) ? "custom" : "ignore";
  });
}

/**
 * Every column's target — from `mapping` (by header name, or a list in column order) where given,
 * else guessed (guessColumnTargets) — checked: one column per field, a phone and a name column,
 * distinct custom field keys. Fails with a sentence a person can act on.
 */
export function resolveColumnMapping(headers: readonly string[], mapping?: ColumnMappingInput): ColumnMappingResult {
  if (mapping && !Array.isArray(mapping)) {
    const known = new Set(headers.map((h) => h.trim()));
    const unknown = Object.keys(mapping).find((name) => !known.has(name.trim()));
    if (unknown !== undefined) return { ok: false, message: `The column mapping names "${unknown}", but the file has no column with that header.` };
    const counts = new Map<string, number>();
    for (const header of headers) counts.set(header.trim(), (counts.get(header.trim()) ?? 0) + 1);
    const ambiguous = Object.keys(mapping).find((name) => (counts.get(name.trim()) ?? 0) > 1);
    if (ambiguous !== undefined) return { ok: false, message: `Two columns are named "${ambiguous}". Give each column its own header.` };
  }
  const explicit = headers.map((header, index) => (!mapping ? undefined : Array.isArray(mapping) ? mapping[index] : mapping[header.trim()]));

  const firstColumnOf = new Map<ColumnTarget, number>();
  for (let index = 0; index < headers.length; index++) {
    const target = explicit[index];
    if (!target || target === "custom" || target === "ignore") continue;
    const earlier = firstColumnOf.get(target);
    if (earlier !== undefined) {
      return { ok: false, message: `Columns ${columnLetter(earlier)} and ${columnLetter(index)} are both set to ${COLUMN_TARGET_LABELS[target]}. Choose one.` };
    }
    firstColumnOf.set(target, index);
  }

  const targets = guessColumnTargets(headers, explicit);
  const columns: ResolvedColumn[] = targets.map((target, index) => {
    const header = headers[index]!.trim();
    return target === "custom" ? { index, header, target, key: toSnakeCase(header) } : { index, header, target };
  });

  const keys = new Map<string, number>();
  for (const column of columns) {
    if (column.target !== "custom") continue;
    if (!column.key) {
      return { ok: false, message: `Column ${columnLetter(column.index)} has no header to name its custom field by. Add one, or choose Don't import.` };
    }
    const earlier = keys.get(column.key);
    if (earlier !== undefined) {
      return {
        ok: false,
        message: `Columns ${columnLetter(earlier)} ("${headers[earlier]!.trim()}") and ${columnLetter(column.index)} ("${column.header}") would both be saved as the custom field ${column.key}. Rename one, or choose Don't import.`,
      };
    }
    keys.set(column.key, column.index);
  }

  if (!targets.includes("phone")) {
    return { ok: false, message: "No column is set to Phone. Every contact needs a phone number: choose the column that holds it." };
  }
  if (!targets.includes("name") && !targets.includes("first_name") && !targets.includes("last_name")) {
    return { ok: false, message: "No column is set to Name (or First name / Last name). Choose the column that holds the contact's name." };
  }
  return { ok: true, columns };
}
