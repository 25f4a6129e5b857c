import type { ContactListItem } from "@/lib/contacts/list-contacts";
import { formatPhoneForDisplay } from "@/lib/contacts/normalize-phone";
import type { ContactRow } from "@/components/contacts/types";

const STATUS_LABELS: Record<string, { label: string; tone: NonNullable<ContactRow["lastCall"]>["tone"] }> = {
  INITIATED: { label: "Ringing", tone: "neutral" },
  IN_PROGRESS: { label: "In progress", tone: "neutral" },
  COMPLETED: { label: "Completed", tone: "neutral" },
  FAILED: { label: "Failed", tone: "danger" },
};

function outcomeTone(outcome: string): NonNullable<ContactRow["lastCall"]>["tone"] {
  if (/book|confirm|resched|success|interested$/.test(outcome) && !/not_interested/.test(outcome)) return "success";
  if (/opt|wrong|declin|not_interested|do_not_call|fail|error/.test(outcome)) return "danger";
  if (/voicemail|no_answer|busy|callback|call_back|unreach/.test(outcome)) return "warning";
  return "neutral";
}

/** "appointment_booked" → "Appointment booked". */
export function humanizeOutcome(outcome: string): string {
  const words = outcome.replace(/[_-]+/g, " ").trim().toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : outcome;
}

/** The last call is still ringing or under way: the list keeps itself current until it ends (after "Call now"). */
export function lastCallUnderWay(contact: Pick<ContactListItem, "lastCall">): boolean {
  return contact.lastCall?.status === "INITIATED" || contact.lastCall?.status === "IN_PROGRESS";
}

/** A listed contact as the browser gets it: phone formatted for the clinic, the last call labelled in the clinic's zone. */
export function toContactRow(contact: ContactListItem, organization: { defaultCountry: string; timezone: string; locale: string }): ContactRow {
  const lastCall = contact.lastCall;
  const status = lastCall ? (STATUS_LABELS[lastCall.status] ?? { label: humanizeOutcome(lastCall.status), tone: "neutral" as const }) : null;
  return {
    id: contact.id,
    name: contact.name,
    phoneNumber: contact.phoneNumber,
    phoneDisplay: formatPhoneForDisplay(contact.phoneNumber, organization.defaultCountry),
    email: contact.email,
    businessName: contact.businessName,
    businessWebsite: contact.businessWebsite,
    timezone: contact.timezone,
    language: contact.language,
    doNotCall: contact.doNotCall,
    doNotCallReason: contact.doNotCallReason,
    consentBasis: contact.consentBasis,
    consentSource: contact.consentSource,
    consentDate: contact.consentDate?.toISOString().slice(0, 10) ?? null,
    customFields: contact.customFields,
    createdAt: contact.createdAt.toISOString(),
    lastCall:
      lastCall && status
        ? {
            label: lastCall.outcome ? humanizeOutcome(lastCall.outcome) : status.label,
            tone: lastCall.outcome ? outcomeTone(lastCall.outcome.toLowerCase()) : status.tone,
            at: lastCall.at.toISOString(),
            atLabel: new Intl.DateTimeFormat(organization.locale, { timeZone: organization.timezone, dateStyle: "medium", timeStyle: "short" }).format(
              lastCall.at,
            ),
          }
        : null,
  };
}
