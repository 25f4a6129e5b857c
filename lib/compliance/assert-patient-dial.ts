import { can } from "@/lib/auth/permissions";
import type { DbClient } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import type { OrganizationCallingRules } from "@/lib/scheduling/load-calling-rules";
import { recipientTimeZone } from "@/lib/scheduling/recipient-time-zone";
import { recordAuditEvent, type AuditActor } from "@/lib/compliance/record-audit-event";
import { checkPatientDial } from "@/lib/compliance/check-patient-dial";

/** Who dials by hand, and with which role: an override needs `calls.override_rules`. */
export interface ManualDialActor extends AuditActor {
  role: Role | null;
}

/** One call placed outside the patient's hours or over their limit, with the reason (audited). */
export interface DialOverride {
  reason: string;
}

export function assertMayOverride(actor: ManualDialActor, override: DialOverride | undefined): void {
  if (override && !can(actor.role, "calls.override_rules")) {
    throw new AppError("forbidden", "Only an owner or admin can place a call outside the patient's hours or over their call limit.");
  }
}

/**
 * The patient's hours, their state's rules and the clinic's frequency caps for a call placed by hand
 * ("Call now", or a test call to a patient's number). Runs in the transaction that writes the attempt
 * (`callId`), under the patient's lock. Refused: a 409 whose words and fields offer the next allowed
 * time, in the patient's and the clinic's time. With an override (checked by assertMayOverride) the call
 * goes ahead and the override, its reason and what it overrode land in the audit log in this transaction.
 */
export async function assertPatientDial(
  tx: DbClient,
  input: {
    organizationId: string;
    contact: { id: string; name: string; timezone: string | null; phoneNumber: string };
    toNumber: string;
    rules: OrganizationCallingRules;
    now: Date;
    callId: string;
    actor: ManualDialActor;
    override?: DialOverride;
  },
): Promise<void> {
  const { rules, contact, now } = input;
  const zone = recipientTimeZone({ timezone: contact.timezone, phoneNumber: input.toNumber }, rules.timezone).zone;
  const verdict = await checkPatientDial(tx, {
    organizationId: input.organizationId,
    contactId: contact.id,
    toNumber: input.toNumber,
    zone,
    rules,
    now,
    excludeCallId: input.callId,
    clinicHours: false,
  });
  if (verdict.ok) return;

  const next = verdict.nextAllowedAt;
  if (input.override) {
    await recordAuditEvent(tx, {
      organizationId: input.organizationId,
      action: "CALL_RULES_OVERRIDDEN",
      actor: input.actor,
      targetType: "call",
      targetId: input.callId,
      data: {
        contactId: contact.id,
        toNumber: input.toNumber,
        reason: input.override.reason,
        rule: verdict.rule,
        refusal: verdict.reason,
        nextAllowedAt: next?.toISOString() ?? null,
      },
    });
    return;
  }
  // The time offered is also inside the clinic's calling hours ("Schedule at" schedules it there), so the
  // words say so: a call by hand may go out earlier (08:00 their time, say, before the clinic's 09:00).
  const allows =
    verdict.rule === "hours"
      ? "The next time inside their hours and the clinic's calling hours is"
      : "The next time their limits and the clinic's calling hours allow is";
  const when = next
    ? ` ${allows} ${localTime(next, zone, rules.locale)} their time (${localTime(next, rules.timezone, rules.locale)} ${rules.timezone.replaceAll("_", " ")} time).`
    : " No allowed time comes in the next two weeks.";
  throw new AppError("conflict", `${contact.name} can't be called now: ${verdict.reason.replace(/^the patient was/, "they were")}.${when}`, {
    extra: {
      rule: verdict.rule,
      nextAllowedAt: next?.toISOString() ?? null,
      nextAllowedLocal: next
        ? {
            patient: { time: localTime(next, zone, rules.locale), timeZone: zone },
            clinic: { time: localTime(next, rules.timezone, rules.locale), timeZone: rules.timezone },
          }
        : null,
      canOverride: can(input.actor.role, "calls.override_rules"),
    },
  });
}

function localTime(at: Date, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, weekday: "short", day: "numeric", month: "short", hour: "numeric", minute: "2-digit" }).format(at);
}
