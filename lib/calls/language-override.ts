import { conversationLanguage, type OrganizationForVariables } from "@/lib/calls/dynamic-variables";
import { elevenLabsLanguage } from "@/lib/language/supported-languages";

/**
 * The `language` override for a call to this patient (ElevenLabs' code, "hi"), or undefined when they speak
 * the clinic's own language. The agent is set up in the clinic's language; ElevenLabs refuses to start, or
 * hangs, a conversation whose language override the agent does not allow or lacks — so the override goes
 * out only when the call needs it, and a clinic with English-only patients never depends on that setting.
 */
export function languageOverride(
  organization: Pick<OrganizationForVariables, "locale" | "defaultLanguage">,
  contactLanguage?: string | null,
): string | undefined {
  const patient = elevenLabsLanguage(conversationLanguage(organization, contactLanguage));
  const clinic = elevenLabsLanguage(conversationLanguage(organization));
  return patient === clinic ? undefined : patient;
}

export type AgentOverrideFields = { firstMessage?: string; prompt?: string; language?: string };

/**
 * The agent override a dial sends: the patient's language as the default, and an explicit override (a
 * batch's first message, say) winning only for the fields it sets — a batch that sets a first message
 * still sends the patient's language. Empty values count as not set.
 */
export function withLanguageDefault(language: string | undefined, explicit: AgentOverrideFields = {}): AgentOverrideFields {
  const set = (fields: AgentOverrideFields) =>
    Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== "")) as AgentOverrideFields;
  return set({ language, ...set(explicit) });
}
