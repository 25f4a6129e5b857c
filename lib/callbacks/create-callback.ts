import { AppError } from "@/lib/errors";
import { insertCallback } from "@/lib/callbacks/insert-callback";
import { resolveCallbackTarget } from "@/lib/callbacks/resolve-callback-target";
import { refuseUncallable } from "@/lib/callbacks/refuse-uncallable";
import { CALLBACK_MAX_DAYS_AHEAD, type CreateCallbackInput } from "@/lib/callbacks/schemas";
import { loadCallingRules } from "@/lib/scheduling/load-calling-rules";
import { placeInCallingHours } from "@/lib/scheduling/place-in-calling-hours";
import { recipientTimeZone } from "@/lib/scheduling/recipient-time-zone";
import { loadPatientLimits } from "@/lib/compliance/load-patient-limits";

/**
 * Staff's "Call back": a callback for a patient at a due time, with a note for the agent. A due time in
 * the past or outside calling hours moves to the next time the patient may be called, and the answer
 * says so. Callable from a seed: `actor` may be null.
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
