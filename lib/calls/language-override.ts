import { conversationLanguage, type OrganizationForVariables } from "@/lib/calls/dynamic-variables";
import { elevenLabsLanguage } from "@/lib/language/supported-languages";

/**
 * The `language` override for a call to this patient (ElevenLabs' code, "hi"), or undefined when they speak
 * the clinic's own language. The agent is set up in the clinic's language; ElevenLabs refuses to start, or
 * hangs, a conversation whose language override the agent does not allow or lacks — so the override goes
 * out only when the call needs it, and a clinic with English-only patients never depends on that setting.
 */
export function languageOverride(organization: Pick<OrganizationForVariables, "locale" | "defaultLanguage">, contactLanguage?: string | null): string | undefined {
  const patient = elevenLabsLanguage(conversationLanguage(organization, contactLanguage));
  const clinic = elevenLabsLanguage(conversationLanguage(organization));
  return patient === clinic ? undefined : patient;
}
