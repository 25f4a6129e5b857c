import { normalizePhone } from "@/lib/contacts/normalize-phone";
import { consentRefusal } from "@/lib/compliance/consent";
import type { ConsentBasis } from "@/lib/generated/prisma/enums";
import type { WeeklyWindow } from "@/lib/scheduling/calling-window";
import { recipientLegalWindow } from "@/lib/compliance/state-calling-rules";
import { recipientTimeZone, type ZoneSource } from "@/lib/scheduling/recipient-time-zone";
import { staggerSlots } from "@/lib/scheduling/stagger";

export interface PlanContact {
  id: string;
  name: string;
  phoneNumber: string;
  timezone: string | null;
  doNotCall: boolean;
  doNotCallReason: string | null;
  /** NONE (agreed to no calls) is skipped; not recorded (null) is the clinic's to answer for, and called. */
  consentBasis: ConsentBasis | null;
}

export interface CallingRules {
  timezone: string;
  defaultCountry: string;
  callingDays: readonly number[];
  callingWindowStart: number;
  callingWindowEnd: number;
}

export interface PlannedCall {
  contactId: string;
  name: string;
  phoneNumber: string;
  scheduledTime: Date;
  /** The staggered time asked for, when calling hours moved the call; null when it runs then. */
  requestedTime: Date | null;
  timeZone: string;
  timeZoneSource: ZoneSource;
}

export interface SkippedContact {
  contactId: string;
  name: string;
  reason: string;
}

export function clinicWindow(rules: CallingRules): WeeklyWindow {
  return { timeZone: rules.timezone, days: rules.callingDays, startMinute: rules.callingWindowStart, endMinute: rules.callingWindowEnd };
}

/**
 * Who gets a call when: do-not-call contacts, contacts who agreed to no calls and numbers that cannot be
 * dialed are skipped with the reason; everyone else gets a staggered slot inside the clinic's hours and
 * their own legal hours.
 * Pure: the same contacts, rules and start give the same plan.
 */
export function planBatch(contacts: readonly PlanContact[], rules: CallingRules, options: { start: Date; staggerMinutes: number }) {
  const { callable, skipped } = screenContacts(contacts, rules);
  const slots = staggerSlots(
    callable.map(({ zone, e164 }) => ({ legal: recipientLegalWindow(zone.zone, e164) })),
    { start: +options.start, staggerMs: options.staggerMinutes * 60_000, clinic: clinicWindow(rules) },
  );
  const planned: PlannedCall[] = [];
  slots.forEach((slot, index) => {
    const { contact, e164, zone } = callable[index]!;
    if (!slot.ok) {
      skipped.push({ contactId: contact.id, name: contact.name, reason: slot.reason });
      return;
    }
    planned.push({
      contactId: contact.id,
      name: contact.name,
      phoneNumber: e164,
      scheduledTime: new Date(slot.at),
      requestedTime: slot.moved ? new Date(slot.asked) : null,
      timeZone: zone.zone,
      timeZoneSource: zone.source,
    });
  });
  return { planned, skipped };
}

export type BatchPlan = ReturnType<typeof planBatch>;

export interface CallableContact {
  contact: PlanContact;
  e164: string;
  zone: ReturnType<typeof recipientTimeZone>;
}

/**
 * Do-not-call contacts, contacts who agreed to no calls and numbers that cannot be dialed are skipped with
 * the reason; the rest keep their order.
 */
export function screenContacts(contacts: readonly PlanContact[], rules: CallingRules): { callable: CallableContact[]; skipped: SkippedContact[] } {
  const skipped: SkippedContact[] = [];
  const callable: CallableContact[] = [];
  for (const contact of contacts) {
    if (contact.doNotCall) {
      skipped.push({
        contactId: contact.id,
        name: contact.name,
        reason: `On the do-not-call list${contact.doNotCallReason ? ` (${contact.doNotCallReason})` : ""}`,
      });
      continue;
    }
    const refusal = consentRefusal(contact.consentBasis);
    if (refusal) {
      skipped.push({ contactId: contact.id, name: contact.name, reason: refusal });
      continue;
    }
    const phone = normalizePhone(contact.phoneNumber, rules.defaultCountry);
    if (!phone.ok) {
      skipped.push({ contactId: contact.id, name: contact.name, reason: `No valid phone number: ${phone.message}` });
      continue;
    }
    callable.push({ contact, e164: phone.e164, zone: recipientTimeZone({ timezone: contact.timezone, phoneNumber: phone.e164 }, rules.timezone) });
  }
  return { callable, skipped };
}
