import { AppError, type FieldIssue } from "@/lib/errors";
import { normalizeCustomFields } from "@/lib/contacts/custom-fields";
import { normalizePhone } from "@/lib/contacts/normalize-phone";
import type { CreateContactInput, UpdateContactInput } from "@/lib/contacts/schemas";
import type { ConsentBasis } from "@/lib/generated/prisma/enums";

/** The columns of a contact a person or a file decides (everything but ids and timestamps). */
export interface ContactData {
  name: string;
  phoneNumber: string;
  email: string | null;
  businessName: string | null;
  businessWebsite: string | null;
  timezone: string | null;
  /** BCP 47 tag of a supported language; null = the clinic's default. */
  language: string | null;
  consentBasis: ConsentBasis | null;
  consentSource: string | null;
  consentDate: Date | null;
  customFields: Record<string, string>;
}

/** What the form's "do not call" tick asks of the list: put the number on it (with a reason) or take it off. */
export type DoNotCallChange = { on: true; reason: string | null } | { on: false } | undefined;

function invalid(issues: FieldIssue[]): AppError {
  return new AppError("invalid_input", issues.length === 1 ? issues[0]!.message : "Some fields are invalid", { issues });
}

/** Phone and custom fields need the organization (its country) and can fail field by field. */
function normalizeDependentFields(input: Pick<UpdateContactInput, "phoneNumber" | "customFields">, country: string) {
  const issues: FieldIssue[] = [];
  let phoneNumber: string | undefined;
  if (input.phoneNumber !== undefined) {
    const phone = normalizePhone(input.phoneNumber, country);
    if (phone.ok) phoneNumber = phone.e164;
    else issues.push({ path: "phoneNumber", message: phone.message });
  }
  let customFields: Record<string, string> | undefined;
  if (input.customFields !== undefined) {
    const fields = normalizeCustomFields(input.customFields);
    if (fields.ok) customFields = fields.fields;
    else issues.push(...fields.issues);
  }
  if (issues.length) throw invalid(issues);
  return { phoneNumber, customFields };
}

/**
 * Does this edit make the patient uncallable — the "do not call" tick on, or consent set to none? Then its
 * transaction ends by taking the clinic's do-not-call lock (lockDoNotCallForChange), so a dial in flight
 * to the patient either sees it or was marked sent before it commits.
 */
export function restrictsCalls(input: Pick<UpdateContactInput, "doNotCall" | "consentBasis">): boolean {
  return input.doNotCall === true || input.consentBasis === "NONE";
}

export function doNotCallChange(input: Pick<UpdateContactInput, "doNotCall" | "doNotCallReason">): DoNotCallChange {
  if (input.doNotCall === undefined) return undefined;
  return input.doNotCall ? { on: true, reason: input.doNotCallReason ?? null } : { on: false };
}

export function createContactData(input: CreateContactInput, country: string): ContactData {
  const { phoneNumber, customFields } = normalizeDependentFields(input, country);
  return {
    name: input.name,
    phoneNumber: phoneNumber!,
    email: input.email ?? null,
    businessName: input.businessName ?? null,
    businessWebsite: input.businessWebsite ?? null,
    timezone: input.timezone ?? null,
    language: input.language ?? null,
    consentBasis: input.consentBasis ?? null,
    consentSource: input.consentSource ?? null,
    consentDate: input.consentDate ?? null,
    customFields: customFields ?? {},
  };
}

/** Only the fields given; `customFields`, when given, replaces the whole set. */
export function updateContactData(input: UpdateContactInput, country: string): Partial<ContactData> {
  const { phoneNumber, customFields } = normalizeDependentFields(input, country);
  const data: Partial<ContactData> = {
    name: input.name,
    phoneNumber,
    email: input.email,
    businessName: input.businessName,
    businessWebsite: input.businessWebsite,
    timezone: input.timezone,
    language: input.language,
    consentBasis: input.consentBasis,
    consentSource: input.consentSource,
    consentDate: input.consentDate,
    customFields,
  };
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined)) as Partial<ContactData>;
}
