import { formatPhoneForDisplay } from "@/lib/contacts/normalize-phone";
import type { DoNotCallRow } from "@/components/settings/do-not-call-card";

/** An entry of GET /api/do-not-call (or listDoNotCall) as the card shows it: the number as the clinic reads it, the day in its zone. */
export function toDoNotCallRow(
  entry: {
    id: string;
    phoneNumber: string;
    reason: string | null;
    source: DoNotCallRow["source"];
    addedByEmail: string | null;
    createdAt: Date | string;
    contact: { name: string } | null;
  },
  clinic: { defaultCountry: string; timezone: string },
): DoNotCallRow {
  return {
    id: entry.id,
    phoneNumber: entry.phoneNumber,
    shown: formatPhoneForDisplay(entry.phoneNumber, clinic.defaultCountry),
    reason: entry.reason,
    source: entry.source,
    addedByEmail: entry.addedByEmail,
    addedOn: new Intl.DateTimeFormat("en-GB", { timeZone: clinic.timezone, day: "numeric", month: "short", year: "numeric" }).format(new Date(entry.createdAt)),
    contactName: entry.contact?.name ?? null,
  };
}
