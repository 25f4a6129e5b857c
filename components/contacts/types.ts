import type { ContactData } from "@/lib/contacts/contact-data";

/** A contact as the /contacts page hands it to the browser: plain JSON, dates as ISO strings. */
export interface ContactRow extends Omit<ContactData, "consentDate"> {
  id: string;
  /** The calendar day consent was given, YYYY-MM-DD. */
  consentDate: string | null;
  /** Whether the number is on the clinic's do-not-call list, and the list's reason. */
  doNotCall: boolean;
  doNotCallReason: string | null;
  /** National format at home, international otherwise (phoneNumber stays E.164). */
  phoneDisplay: string;
  createdAt: string;
  lastCall: { label: string; tone: "neutral" | "success" | "warning" | "danger"; at: string; atLabel: string } | null;
}

/** A contact as the edit dialog starts from (GET /api/contacts/[id] or a row). */
export type EditableContact = Pick<
  ContactRow,
  | "id"
  | "name"
  | "phoneNumber"
  | "email"
  | "businessName"
  | "businessWebsite"
  | "timezone"
  | "language"
  | "doNotCall"
  | "doNotCallReason"
  | "consentBasis"
  | "consentSource"
  | "consentDate"
  | "customFields"
> & { phoneDisplay?: string };
