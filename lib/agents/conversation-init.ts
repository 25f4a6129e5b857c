import { z } from "zod";
import { getDb } from "@/lib/db";
import { clinicVariables, conversationLanguage } from "@/lib/calls/dynamic-variables";
import { languageOverride } from "@/lib/calls/language-override";
import { normalizePhone } from "@/lib/contacts/normalize-phone";
import { spokenDay, spokenTime } from "@/lib/appointments/spoken-time";
import { inLanguage } from "@/lib/language/supported-languages";

/** What ElevenLabs posts when a patient rings the clinic's Twilio number, before the agent speaks. */
export const conversationInitSchema = z.looseObject({
  agent_id: z.string().trim().min(1).max(128),
  // Loose on purpose: an odd caller id gets the generic greeting, never an error that delays the pickup.
  caller_id: z.string().max(100).nullish(),
  called_number: z.string().max(100).nullish(),
  call_sid: z.string().max(100).nullish(),
});
export type ConversationInitInput = z.infer<typeof conversationInitSchema>;

/**
 * The answer to ElevenLabs' conversation-initiation webhook: the clinic's name, date, time and greeting in
 * its zone, and for a caller whose number is one of the clinic's contacts their name and their next
 * appointment in words — in the caller's language (their contact's, else the clinic's default), with
 * ElevenLabs' language override when that is not the clinic's own. Every look-up is one indexed read, run
 * together: the patient hears ringing until this answers.
 *
 * The caller id is all that identifies the caller, and caller ids can be spoofed: the agent gets what
 * find_patient gives for a number (lib/appointments/find-patient.ts) — name and next appointment — and never
 * what a past call was about. `last_call_summary` stays in the answer, always empty, so an agent whose prompt
 * still names {{last_call_summary}} starts its conversations as before.
 */
export async function conversationInitiationData(organizationId: string, input: ConversationInitInput, now: Date = new Date()) {
  const db = getDb();
  const organization = await db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { name: true, timezone: true, locale: true, defaultLanguage: true, defaultCountry: true },
  });
  const generic = { ...clinicVariables(organization, now), known_caller: "no", contact_name: "", next_appointment: "", last_call_summary: "" };
  const phone = input.caller_id ? normalizePhone(input.caller_id, organization.defaultCountry) : null;
  if (!phone?.ok) return answer(generic);

  const [contact, next] = await Promise.all([
    db.contact.findUnique({
      where: { organizationId_phoneNumber: { organizationId, phoneNumber: phone.e164 } },
      select: { id: true, name: true, language: true },
    }),
    db.appointment.findFirst({
      where: { organizationId, attendeePhone: phone.e164, status: { not: "CANCELLED" }, startsAt: { gte: now } },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      select: { startsAt: true },
    }),
  ]);
  if (!contact) return answer(generic);
  const zone = organization.timezone;
  const language = conversationLanguage(organization, contact.language);
  const day = next ? spokenDay(next.startsAt, zone, language) : "";
  const time = next ? spokenTime(next.startsAt, zone, language) : "";
  return answer(
    {
      ...clinicVariables(organization, now, contact.language),
      known_caller: "yes",
      contact_name: contact.name,
      next_appointment: next ? inLanguage(language, { en: `${day} at ${time}`, hi: `${day} को ${time}` }) : "",
      last_call_summary: "",
    },
    languageOverride(organization, contact.language),
  );
}

function answer(dynamicVariables: Record<string, string>, language?: string) {
  return {
    type: "conversation_initiation_client_data" as const,
    dynamic_variables: dynamicVariables,
    ...(language && { conversation_config_override: { agent: { language } } }),
  };
}
