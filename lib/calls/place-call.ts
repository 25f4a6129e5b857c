import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { resolveDialLine } from "@/lib/agents/resolve-dial-line";
import { assertCallable, resolveCallTarget } from "@/lib/calls/resolve-call-target";
import { dialCall } from "@/lib/calls/lifecycle/dial-call";
import { limitStaffDials } from "@/lib/calls/lifecycle/staff-dial-rate";
import { serverElevenLabsClient } from "@/lib/calls/lifecycle/server-client";
import type { TriggerCallInput } from "@/lib/calls/schemas";
import type { ElevenLabsClient } from "@/lib/elevenlabs/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { loadCallingRules } from "@/lib/scheduling/load-calling-rules";
import { assertMayOverride, assertPatientDial } from "@/lib/compliance/assert-patient-dial";
import { recheckDoNotCall } from "@/lib/compliance/do-not-call/recheck-do-not-call";
import { consentRefusal } from "@/lib/compliance/consent";

export interface PlaceCallActor {
  organizationId: string;
  userId: string;
  /** For the audit log of an override; a caller without a role (the demo seed) cannot override. */
  email?: string;
  role?: Role | null;
}

/**
 * Places one call now, from the clinic's own agent and number (422 for any other), on one of its free
 * lines (429 when all are busy), inside the patient's hours and call limits (409 offering the next allowed
 * time; an owner or admin may override for one call with a reason), never to a number on the do-not-call
 * list or a patient who agreed to no calls (409; read first, and again as the attempt is written). A failed dial is recorded and
 * reported, never retried here.
 */
export async function placeCall(actor: PlaceCallActor, input: TriggerCallInput, deps: { client?: ElevenLabsClient; now?: Date } = {}) {
  const now = deps.now ?? new Date();
  const actorForAudit = { userId: actor.userId, email: actor.email ?? "", role: actor.role ?? null };
  assertMayOverride(actorForAudit, input.override);
  const target = await resolveCallTarget(actor.organizationId, { contactId: input.contactId, dynamicVariables: input.dynamicVariables, now });
  const { toNumber } = assertCallable(target);
  const rules = await loadCallingRules(actor.organizationId);
  const line = await resolveDialLine(getDb(), actor.organizationId, {
    agentId: input.agentId,
    agentPhoneNumberId: input.agentPhoneNumberId ?? input.fromNumber,
  });
  const client = deps.client ?? serverElevenLabsClient();
  await limitStaffDials(actor.userId, now);

  const { contact, dynamicVariables, language } = target;
  const outcome = await dialCall(client, {
    organizationId: actor.organizationId,
    line,
    toNumber,
    contactId: contact.id,
    placedByUserId: actor.userId,
    dynamicVariables,
    language,
    takeLine: true,
    beforeDial: async (tx, callId) => {
      await assertPatientDial(tx, {
        organizationId: actor.organizationId,
        contact,
        toNumber,
        rules,
        now,
        callId,
        actor: actorForAudit,
        override: input.override,
      });
      // Read again under the do-not-call lock, after the patient's: listed (or consent set to none) since
      // the target was read, and committed before this attempt, is the same 409 as the first read's.
      const again = await recheckDoNotCall(tx, { organizationId: actor.organizationId, toNumber, contactId: contact.id });
      assertCallable({ ...target, doNotCall: again.doNotCall, noConsent: consentRefusal(again.contact?.consentBasis) !== null });
      return true;
    },
    activity: { name: contact.name, actorUserId: actor.userId },
  });
  if (outcome.kind === "dialed") return { success: true as const, callId: outcome.callId, conversationId: outcome.conversationId };
  if (outcome.kind === "lost") throw new Error("An immediate call has no lease to lose.");
  const { error, callId } = outcome;
  const detail =
    outcome.kind === "unknown"
      ? "ElevenLabs did not answer in time. The call may still connect; check Calls in a minute before trying again."
      : `ElevenLabs could not place the call: ${error.message}`;
  throw new AppError("provider_error", detail, { extra: { callId, providerStatus: error.status, retryable: error.kind === "retryable" } });
}
