import { AppError, type FieldIssue } from "@/lib/errors";
import { normalizeCustomFields } from "@/lib/contacts/custom-fields";
import { normalizePhone } from "@/lib/contacts/normalize-phone";
import type { CreateContactInput, UpdateContactInput } from "@/lib/contacts/schemas";

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
  doNotCall: boolean;
  doNotCallReason: string | null;
  customFields: Record<string, string>;
}

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

/** A reason only means something while the contact is marked do-not-call. */
function doNotCallReason(doNotCall: boolean | undefined, reason: string | null | undefined) {
  if (doNotCall === false) return null;
  return reason;
}

export function createContactData(input: CreateContactInput, country: string): ContactData {
  const { phoneNumber, customFields } = normalizeDependentFields(input, country);
  const doNotCall = input.doNotCall ?? false;
  return {
    name: input.name,
    phoneNumber: phoneNumber!,
    email: input.email ?? null,
    businessName: input.businessName ?? null,
    businessWebsite: input.businessWebsite ?? null,
    timezone: input.timezone ?? null,
    language: input.language ?? null,
    doNotCall,
    doNotCallReason: doNotCallReason(doNotCall, input.doNotCallReason) ?? null,
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
    doNotCall: input.doNotCall,
    doNotCallReason: doNotCallReason(input.doNotCall, input.doNotCallReason),
    customFields,
  };
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined)) as Partial<ContactData>;
}
