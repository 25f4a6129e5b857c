import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { buildDynamicVariables } from "@/lib/calls/dynamic-variables";
import { languageOverride } from "@/lib/calls/language-override";
import { normalizePhone } from "@/lib/contacts/normalize-phone";
import { doNotCallWords, findDoNotCall } from "@/lib/compliance/do-not-call/find-do-not-call";
import { consentRefusal, NO_CONSENT_WORDS } from "@/lib/compliance/consent";

export interface CallTargetOptions {
  contactId: string;
  dynamicVariables?: Record<string, string | number | boolean>;
  now: Date;
}

/**
 * Everything a dial to one contact needs besides the line, resolved inside the organization: the contact
 * (404 for another tenant's id), the clinic's defaults, the dynamic variables the agent will know and the language override the call needs.
 * Shared by the call dialog's preview and the dial itself.
 */
export async function resolveCallTarget(organizationId: string, options: CallTargetOptions) {
  const [contact, organization] = await Promise.all([
    getDb().contact.findFirst({ where: { id: options.contactId, organizationId } }),
    getDb().organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: { name: true, timezone: true, locale: true, defaultLanguage: true, defaultCountry: true, elevenLabsAgentId: true, elevenLabsPhoneNumberId: true },
    }),
  ]);
  if (!contact) throw notFound("Contact");
  const dynamicVariables = buildDynamicVariables({ contact, organization, now: options.now, overrides: options.dynamicVariables });
  const doNotCall = await findDoNotCall(getDb(), organizationId, contact.phoneNumber);
  return {
    contact,
    organization,
    dynamicVariables,
    language: languageOverride(organization, contact.language),
    doNotCall,
    noConsent: consentRefusal(contact.consentBasis) !== null,
  };
}

export type CallTarget = Awaited<ReturnType<typeof resolveCallTarget>>;

/** The checks that make a dial to this contact pointless or wrong; each answers in words staff can act on. */
export function assertCallable(target: CallTarget): { toNumber: string } {
  const { contact, organization, doNotCall, noConsent } = target;
  if (doNotCall) {
    throw new AppError(
      "conflict",
      `${contact.name} is ${doNotCallWords(doNotCall)}, so Callboard won't call them. If they asked to be called again, an admin can take the number off the list in Settings.`,
    );
  }
  if (noConsent) {
    throw new AppError(
      "conflict",
      `${contact.name} ${NO_CONSENT_WORDS} (their consent is recorded as none), so Callboard won't call them. If they have agreed to calls since, record their consent on the contact first.`,
    );
  }
  const phone = normalizePhone(contact.phoneNumber, organization.defaultCountry);
  if (!phone.ok) throw new AppError("bad_request", `${contact.name} has no valid phone number: ${phone.message}`);
  return { toNumber: phone.e164 };
}
