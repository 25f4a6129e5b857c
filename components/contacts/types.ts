/** A contact as the /contacts page hands it to the browser: plain JSON, dates as ISO strings. */
export interface ContactRow {
  id: string;
  name: string;
  /** E.164. */
  phoneNumber: string;
  /** National format at home, international otherwise. */
  phoneDisplay: string;
  email: string | null;
  businessName: string | null;
  businessWebsite: string | null;
  timezone: string | null;
  doNotCall: boolean;
  doNotCallReason: string | null;
  customFields: Record<string, string>;
  createdAt: string;
  lastCall: { label: string; tone: "neutral" | "success" | "warning" | "danger"; at: string; atLabel: string } | null;
}

/** A contact as the edit dialog starts from (GET /api/contacts/[id] or a row). */
export type EditableContact = Pick<
  ContactRow,
  "id" | "name" | "phoneNumber" | "email" | "businessName" | "businessWebsite" | "timezone" | "doNotCall" | "doNotCallReason" | "customFields"
> & { phoneDisplay?: string };
