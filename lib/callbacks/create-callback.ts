import { AppError } from "@/lib/errors";
import { insertCallback } from "@/lib/callbacks/insert-callback";
import { resolveCallbackTarget } from "@/lib/callbacks/resolve-callback-target";
import { refuseUncallable } from "@/lib/callbacks/refuse-uncallable";
import { CALLBACK_DUPLICATE_WINDOW_MINUTES, CALLBACK_MAX_DAYS_AHEAD, type CreateCallbackInput } from "@/lib/callbacks/schemas";
import { callbackOriginWords } from "@/lib/callbacks/origin-words";
import { followUpsOf } from "@/lib/callbacks/follow-ups";
import { getDb } from "@/lib/db";
import { loadCallingRules } from "@/lib/scheduling/load-calling-rules";
import { clinicWhen, placeInCallingHours } from "@/lib/scheduling/place-in-calling-hours";
import { recipientTimeZone } from "@/lib/scheduling/recipient-time-zone";
import { loadPatientLimits } from "@/lib/compliance/load-patient-limits";

/**
 * A pending call back that already follows up the same call (followUpsOf: linked to it, or the agent's made in
 * its conversation) within CALLBACK_DUPLICATE_WINDOW_MINUTES of `at` (when the new one would ring): staff
 * pressing "Call back" on a call the agent already promised one for would otherwise book it twice — and the
 * patient's call limits would push one of the two to another day. A 409 that names it (its id as
 * `existingScheduledCallId`), so staff change that one instead.
 */
async function refuseDuplicate(
  organizationId: string,
  contact: { id: string; name: string },
  sourceCall: { id: string; conversationId: string | null },
  at: Date,
  timeZone: string,
) {
  const window = CALLBACK_DUPLICATE_WINDOW_MINUTES * 60_000;
  const near = { gte: new Date(+at - window), lte: new Date(+at + window) };
  const existing = await getDb().scheduledCall.findFirst({
    where: {
      organizationId,
      contactId: contact.id,
      kind: "CALLBACK",
      status: "PENDING",
      AND: [followUpsOf({ ...sourceCall, contactId: contact.id }), { OR: [{ nextAttemptAt: near }, { nextAttemptAt: null, scheduledTime: near }] }],
    },
    orderBy: [{ scheduledTime: "asc" }, { id: "asc" }],
    select: { id: true, scheduledTime: true, nextAttemptAt: true, callbackOrigin: true },
  });
  if (!existing) return;
  const who = callbackOriginWords(existing.callbackOrigin);
  throw new AppError(
    "conflict",
    `This call already has a call back to ${contact.name} at ${clinicWhen(existing.nextAttemptAt ?? existing.scheduledTime, timeZone)}${who ? ` (${who})` : ""}. Change that one on Scheduling instead of adding a second.`,
    { extra: { existingScheduledCallId: existing.id } },
  );
}

/**
 * Staff's "Call back": a callback for a patient at a due time, with a note for the agent. A due time in
 * the past or outside calling hours moves to the next time the patient may be called, and the answer
 * says so; one within an hour of a pending call back that already follows up the same call is refused (409, naming it).
 * Callable from a seed: `actor` may be null.
 */
export async function createCallback(organizationId: string, actor: { userId: string } | null, input: CreateCallbackInput, now = new Date()) {
  const asked = new Date(input.dueAt);
  if (+asked > +now + CALLBACK_MAX_DAYS_AHEAD * 86_400_000) {
    throw new AppError("invalid_input", `A call back can be at most ${CALLBACK_MAX_DAYS_AHEAD} days ahead.`, {
      issues: [{ path: "dueAt", message: "Too far ahead" }],
    });
  }
  const { contact, sourceCall } = await resolveCallbackTarget(organizationId, input);
  await refuseUncallable(organizationId, contact);
  const rules = await loadCallingRules(organizationId);
  const limits = await loadPatientLimits(organizationId, contact, rules, Math.max(+asked, +now));
  const placed = placeInCallingHours(asked, now, rules, recipientTimeZone(contact, rules.timezone).zone, limits);
  if (sourceCall) await refuseDuplicate(organizationId, contact, sourceCall, placed.at, rules.timezone);
  const scheduledCall = await insertCallback({
    organizationId,
    timezone: rules.timezone,
    maxAttempts: rules.maxAttempts,
    contact,
    sourceCall,
    origin: "STAFF",
    at: placed.at,
    requested: placed.requested,
    note: input.note || null,
    awaitsConfirmation: false,
    actorUserId: actor?.userId ?? null,
  });
  return { scheduledCall, moved: placed.moved, message: placed.message ?? "Call back scheduled." };
}
