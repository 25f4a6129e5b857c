import { z } from "zod";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { buildDynamicVariables } from "@/lib/calls/dynamic-variables";
import { normalizePhone } from "@/lib/contacts/normalize-phone";
import { resolveDialLine } from "@/lib/agents/resolve-dial-line";
import { dialCall } from "@/lib/calls/lifecycle/dial-call";
import { limitStaffDials } from "@/lib/calls/lifecycle/staff-dial-rate";
import { serverElevenLabsClient } from "@/lib/calls/lifecycle/server-client";
import type { ElevenLabsClient } from "@/lib/elevenlabs/client";
import { doNotCallWords, findDoNotCall, type DoNotCallMark } from "@/lib/compliance/do-not-call/find-do-not-call";
import { recheckDoNotCall } from "@/lib/compliance/do-not-call/recheck-do-not-call";
import { consentRefusal, NO_CONSENT_WORDS } from "@/lib/compliance/consent";
import { recordAuditEvent } from "@/lib/compliance/record-audit-event";
import { assertMayOverride, assertPatientDial, type DialOverride, type ManualDialActor } from "@/lib/compliance/assert-patient-dial";
import { dialOverrideSchema } from "@/lib/calls/schemas";
import { loadCallingRules } from "@/lib/scheduling/load-calling-rules";

export const testCallSchema = z.object({ phoneNumber: z.string().trim().min(1, "Enter your phone number").max(40), override: dialOverrideSchema.optional() });

/**
 * Calls the signed-in admin's own number with the clinic's default agent and number, to hear it before
 * patients do. Dialed like any call (lifecycle/dial-call), so the webhook and the sweeper settle it;
 * audited, and never retried here. A number that is one of the clinic's patients gets that patient's hours
 * and call limits, like "Call now", and is refused when that patient agreed to no calls.
 */
export async function placeTestCall(
  organizationId: string,
  actor: ManualDialActor & { name: string },
  phoneNumber: string,
  deps: { client?: ElevenLabsClient; now?: Date; override?: DialOverride } = {},
) {
  const db = getDb();
  const now = deps.now ?? new Date();
  const org = await db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { name: true, timezone: true, locale: true, defaultLanguage: true, defaultCountry: true },
  });
  const phone = normalizePhone(phoneNumber, org.defaultCountry);
  if (!phone.ok) throw new AppError("invalid_input", phone.message, { issues: [{ path: "phoneNumber", message: phone.message }] });
  const doNotCall = await findDoNotCall(db, organizationId, phone.e164);
  if (doNotCall) throw listedError(doNotCall);
  const patient = await db.contact.findUnique({
    where: { organizationId_phoneNumber: { organizationId, phoneNumber: phone.e164 } },
    select: { id: true, name: true, timezone: true, phoneNumber: true, consentBasis: true },
  });
  if (patient && consentRefusal(patient.consentBasis)) throw noConsentError(patient.name);
  assertMayOverride(actor, deps.override);
  const rules = patient ? await loadCallingRules(organizationId) : null;
  const line = await resolveDialLine(db, organizationId);
  const client = deps.client ?? serverElevenLabsClient();
  await limitStaffDials(actor.userId, now);

  const outcome = await dialCall(client, {
    organizationId,
    line,
    toNumber: phone.e164,
    // A patient's number: the call is theirs, so their call limits count it from now on.
    contactId: patient?.id ?? null,
    placedByUserId: actor.userId,
    dynamicVariables: buildDynamicVariables({ contact: { name: actor.name, phoneNumber: phone.e164 }, organization: org, now }),
    takeLine: true,
    beforeDial: async (tx, callId) => {
      if (patient && rules)
        await assertPatientDial(tx, { organizationId, contact: patient, toNumber: phone.e164, rules, now, callId, actor, override: deps.override });
      // Read again under the do-not-call lock (after the patient's): listed, or consent set to none, since the reads above.
      const again = await recheckDoNotCall(tx, { organizationId, toNumber: phone.e164, contactId: patient?.id ?? null });
      if (again.doNotCall) throw listedError(again.doNotCall);
      // The contact is read by number when there was none: one made since with consent none is refused too.
      if (again.contact && consentRefusal(again.contact.consentBasis)) throw noConsentError(again.contact.name);
      await recordAuditEvent(tx, {
        organizationId,
        action: "TEST_CALL_PLACED",
        actor: { userId: actor.userId, email: actor.email },
        targetType: "call",
        targetId: callId,
        data: { toNumber: phone.e164 },
      });
      return true;
    },
    activity: null,
  });
  if (outcome.kind === "dialed") return { callId: outcome.callId, conversationId: outcome.conversationId, toNumber: phone.e164 };
  if (outcome.kind === "lost") throw new Error("A test call has no lease to lose.");
  throw new AppError(
    "provider_error",
    outcome.kind === "unknown"
      ? "ElevenLabs did not answer in time; your phone may still ring."
      : `ElevenLabs could not place the test call: ${outcome.error.message}`,
  );
}

function listedError(doNotCall: DoNotCallMark): AppError {
  return new AppError(
    "conflict",
    `This number is ${doNotCallWords(doNotCall)}, so Callboard won't call it, not even for a test. Use another number, or take it off the list in Settings.`,
  );
}

function noConsentError(name: string): AppError {
  return new AppError(
    "conflict",
    `This number is ${name}'s, who ${NO_CONSENT_WORDS} (their consent is recorded as none), so Callboard won't call it, not even for a test. Use another number.`,
  );
}
