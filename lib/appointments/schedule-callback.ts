import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { formatPhoneForDisplay } from "@/lib/contacts/normalize-phone";
import { recordAgentAction } from "@/lib/activity/record-agent-action";
import { findDoNotCall } from "@/lib/compliance/do-not-call/find-do-not-call";
import { consentRefusal } from "@/lib/compliance/consent";
import { resolveDialLine } from "@/lib/agents/resolve-dial-line";
import { insertCallback } from "@/lib/callbacks/insert-callback";
import { linkCallbacksToCall } from "@/lib/callbacks/follow-ups";
import { callerPhone } from "@/lib/appointments/caller-phone";
import { linkContactByPhone } from "@/lib/appointments/link-contact";
import { addDaysToDate, localDateAndMinute } from "@/lib/appointments/opening-hours";
import { parseCallbackTime } from "@/lib/appointments/parse-callback-time";
import type { ScheduleCallbackInput } from "@/lib/appointments/schemas";
import { spokenDay, spokenTime } from "@/lib/appointments/spoken-time";
import { loadPatientLimits } from "@/lib/compliance/load-patient-limits";
import { nextPatientCallTime } from "@/lib/compliance/next-patient-call-time";
import { loadCallingRules } from "@/lib/scheduling/load-calling-rules";
import { holdSequenceOn, lockSequenceOfCall } from "@/lib/scheduling/hold-sequence";
import { recipientTimeZone } from "@/lib/scheduling/recipient-time-zone";
import { clockWords } from "@/lib/language/clock-words";
import { effectiveLanguage, inLanguage, parseLanguage, type LanguageTag } from "@/lib/language/supported-languages";

/** Further ahead than this, a callback is more likely a misheard time than a real request. */
const MAX_CALLBACK_DAYS = 30;

const say = (code: "invalid_input" | "conflict" | "bad_request", path: string, message: string) => new AppError(code, message, { issues: [{ path, message }] });

/** "3:00 PM", "tomorrow at 10:00 AM" or "Monday 7 December at 9:00 AM" (in Hindi "कल सुबह 10:00 बजे"), relative to the caller's today. */
function spokenWhen(at: number, now: number, timeZone: string, language: LanguageTag): string {
  const today = localDateAndMinute(now, timeZone).date;
  const day = localDateAndMinute(at, timeZone).date;
  const time = spokenTime(at, timeZone, language);
  if (day === today) return time;
  // Calendar-wise: on the nights the clocks change a day has 23 or 25 hours, so now + 24 h can be another day.
  if (day === addDaysToDate(today, 1)) return inLanguage(language, { en: `tomorrow at ${time}`, hi: `कल ${time}` });
  return inLanguage(language, { en: `${spokenDay(at, timeZone)} at ${time}`, hi: `${spokenDay(at, timeZone, language)} को ${time}` });
}

/**
 * schedule_callback: the caller said "call me back at 3". Reads the time on the caller's clock (their
 * contact's zone, else the clinic's), moves it to the next time both the clinic's calling hours and the
 * caller's legal hours are open — the message says so — and inserts one PENDING ScheduledCall (insertCallback). The
 * dispatcher dials it like any other; its dynamic variables carry the context and this conversation's id,
 * so the agent calling back knows why. Every sentence is in the caller's language (their contact's, else the
 * clinic's default).
 */
export async function scheduleCallback(organizationId: string, agentId: string, input: ScheduleCallbackInput, now: number = Date.now()) {
  const rules = await loadCallingRules(organizationId);
  const phone = await callerPhone(organizationId, rules.defaultCountry, input);
  // Read before any write: a time we cannot understand changes nothing.
  const existing = await getDb().contact.findUnique({
    where: { organizationId_phoneNumber: { organizationId, phoneNumber: phone } },
    select: { timezone: true, language: true, consentBasis: true },
  });
  const language = (input.language && parseLanguage(input.language)) || effectiveLanguage(existing?.language, rules.defaultLanguage ?? rules.locale);
  const words = (en: string, hi: string) => inLanguage(language, { en, hi });
  // The callback rings from the clinic's own default number, with the agent that took this call.
  const line = await resolveDialLine(getDb(), organizationId, { agentId }).catch((error: unknown) => {
    if (error instanceof AppError && error.status < 500) {
      throw say(
        "bad_request",
        "phone_number",
        words(
          "Sorry, the clinic can't schedule call backs yet. Someone from the clinic will get back to you.",
          "माफ़ कीजिए, क्लिनिक अभी कॉल बैक तय नहीं कर सकता। क्लिनिक से कोई आपसे संपर्क करेगा।",
        ),
      );
    }
    throw error;
  });

  if (await findDoNotCall(getDb(), organizationId, phone))
    throw say(
      "conflict",
      "phone_number",
      words(
        "This number is on the clinic's do-not-call list, so I can't schedule a call back.",
        "यह नंबर क्लिनिक की 'कॉल न करें' सूची में है, इसलिए कॉल बैक तय नहीं हो सकता।",
      ),
    );
  // Consent recorded as none refuses it like the list: changing what the patient agreed to is staff's to record.
  if (consentRefusal(existing?.consentBasis))
    throw say(
      "conflict",
      "phone_number",
      words(
        "The clinic's records say you agreed to no calls, so I can't schedule a call back. The clinic's staff can change that if you tell them.",
        "क्लिनिक के रिकॉर्ड के अनुसार आपने कॉल के लिए सहमति नहीं दी है, इसलिए कॉल बैक तय नहीं हो सकता। आप क्लिनिक के स्टाफ़ को बताएँ तो वे इसे बदल सकते हैं।",
      ),
    );
  // The caller's clock: their contact's zone, else the one their number implies (a +1 415 caller's "3pm" is
  // California's), else the clinic's — the zone the dispatcher keeps their legal hours in.
  const callerZone = recipientTimeZone({ timezone: existing?.timezone ?? null, phoneNumber: phone }, rules.timezone).zone;
  const parsed = parseCallbackTime(input.time, { now, timeZone: callerZone });
  if (!parsed)
    throw say(
      "invalid_input",
      "time",
      words(
        "I couldn't work out when to call back. Could you say a time like 3 PM, or in 2 hours?",
        "कॉल बैक का समय समझ नहीं आया। क्या आप समय बता सकते हैं, जैसे 3 बजे, या 2 घंटे बाद?",
      ),
    );
  if (parsed.at <= now)
    throw say("invalid_input", "time", words("That time has already passed. When would you like me to call back?", "वह समय निकल चुका है। कॉल बैक कब करें?"));
  if (parsed.at > now + MAX_CALLBACK_DAYS * 86_400_000) {
    throw say(
      "invalid_input",
      "time",
      words(`I can only schedule a call back within the next ${MAX_CALLBACK_DAYS} days.`, `कॉल बैक सिर्फ़ अगले ${MAX_CALLBACK_DAYS} दिनों के अंदर तय हो सकता है।`),
    );
  }

  const contact = await linkContactByPhone(organizationId, phone, { name: formatPhoneForDisplay(phone, rules.defaultCountry) });
  const legalZone = recipientTimeZone(contact, rules.timezone).zone;
  // The patient's call limits too (this very call may be today's one): the time promised is the time the dispatcher dials.
  const limits = await loadPatientLimits(organizationId, { id: contact.id, phoneNumber: phone }, rules, parsed.at);
  const allowed = nextPatientCallTime(parsed.at, rules, legalZone, limits);
  if (allowed.at === null)
    throw say(
      "bad_request",
      "time",
      words(
        "Sorry, the clinic has no calling hours set, so I can't schedule a call back.",
        "माफ़ कीजिए, क्लिनिक के कॉल करने के घंटे तय नहीं हैं, इसलिए कॉल बैक तय नहीं हो सकता।",
      ),
    );
  const opening = allowed.at;
  const moved = opening !== parsed.at;
  const capped = allowed.capped !== null;

  const dynamicVariables = {
    context: input.context,
    callback_requested: input.time,
    ...(input.conversation_id ? { previous_conversation_id: input.conversation_id } : {}),
  };
  const timing = { scheduledTime: new Date(opening), requestedTime: moved ? new Date(parsed.at) : null, nextAttemptAt: null };
  // The caller changing their mind in the same conversation ("no, make it 4") moves the callback
  // already asked for instead of adding a second one: one patient, one call back.
  const earlier = input.conversation_id
    ? await getDb().scheduledCall.findFirst({
        where: {
          organizationId,
          contactId: contact.id,
          status: "PENDING",
          dynamicVariables: { path: ["previous_conversation_id"], equals: input.conversation_id },
        },
        select: { id: true },
      })
    : null;
  // The call it came from, when we placed it (a call the patient made is recorded only after it ends: it links this call back then).
  const sourceCall = input.conversation_id
    ? await getDb().call.findFirst({
        where: { organizationId, conversationId: input.conversation_id },
        select: { id: true, conversationId: true, agentId: true },
      })
    : null;
  const moveEarlier = earlier
    ? await getDb().scheduledCall.updateMany({ where: { id: earlier.id, organizationId, status: "PENDING" }, data: { ...timing, dynamicVariables } })
    : { count: 0 };
  const scheduled =
    earlier && moveEarlier.count === 1
      ? { id: earlier.id, scheduledTime: timing.scheduledTime }
      : await getDb().$transaction(async (tx) => {
          // Asked for during a waitlist's call: the sequence waits on this call back, so nobody else is offered the slot meanwhile.
          const sequence = sourceCall ? await lockSequenceOfCall(tx, sourceCall.id) : null;
          const sequenceBatchId = sequence?.waitsOnIt ? sequence.batchId : null;
          const created = await insertCallback(
            {
              organizationId,
              timezone: rules.timezone,
              maxAttempts: rules.maxAttempts,
              contact,
              sourceCall,
              origin: "AGENT",
              at: timing.scheduledTime,
              requested: timing.requestedTime,
              note: input.context || null,
              awaitsConfirmation: false,
              actorUserId: null,
              variables: dynamicVariables,
              sequenceBatchId,
              line,
              // The agent's note is its `context` variable; its feed entry (below) covers a moved call back too.
              noteVariable: false,
              feedEntry: false,
            },
            tx,
          );
          if (sequenceBatchId) await holdSequenceOn(tx, sequenceBatchId, created.id);
          return created;
        });
  // The call's row written meanwhile (its webhook came while this was saved): link now, as its recording would have.
  if (!sourceCall && input.conversation_id) {
    const call = await getDb().call.findFirst({ where: { organizationId, conversationId: input.conversation_id }, select: { id: true } });
    if (call) await linkCallbacksToCall(getDb(), organizationId, contact.id, { id: call.id, conversationId: input.conversation_id });
  }

  const when = spokenWhen(opening, now, callerZone, language);
  await recordAgentAction(organizationId, {
    type: "CALLBACK_SCHEDULED",
    message: `The agent scheduled a call back to ${contact.name} for ${spokenDay(opening, rules.timezone)} at ${spokenTime(opening, rules.timezone)}`,
    conversationId: input.conversation_id,
    contactId: contact.id,
    data: { scheduledCallId: scheduled.id, scheduledTime: scheduled.scheduledTime.toISOString() },
  });
  const at = /^\d/.test(when) ? `at ${when}` : when;
  const [start, end] = [clockWords(rules.callingWindowStart, language), clockWords(rules.callingWindowEnd, language)];
  const message = capped
    ? words(
        `Done — the clinic calls each patient only so often, so I'll call you ${at}.`,
        `हो गया — क्लिनिक हर मरीज़ को सीमित बार ही कॉल करता है, इसलिए आपको ${when} कॉल किया जाएगा।`,
      )
    : moved
      ? words(
          `Done — the clinic calls between ${start} and ${end} on its calling days, so I'll call you ${at}.`,
          `हो गया — क्लिनिक अपने कॉल वाले दिनों में ${start} से ${end} के बीच कॉल करता है, इसलिए आपको ${when} कॉल किया जाएगा।`,
        )
      : words(`Done — I'll call you ${at}.`, `हो गया — आपको ${when} कॉल किया जाएगा।`);
  return {
    success: true,
    scheduled_call_id: scheduled.id,
    scheduled_time: scheduled.scheduledTime.toISOString(),
    local_time: `${localDateAndMinute(opening, callerZone).date} ${spokenTime(opening, callerZone)}`,
    time_zone: callerZone,
    moved_to_calling_hours: moved,
    moved_for_call_limit: capped,
    message,
  };
}
