import { z } from "zod";
import { CONTACT_SORTS } from "@/lib/contacts/contact-cursor";
import { isIanaTimeZone } from "@/lib/time/iana-time-zone";
import { optionalLanguageSchema } from "@/lib/language/supported-languages";

export const CONTACT_PAGE_SIZE_MAX = 100;
export const CONTACT_PAGE_SIZE_DEFAULT = 50;

export const listContactsQuerySchema = z.object({
  q: z.string().trim().max(200, "Search for at most 200 characters").optional(),
  sort: z.enum(CONTACT_SORTS).default("name"),
  limit: z.coerce.number().int().min(1).max(CONTACT_PAGE_SIZE_MAX).default(CONTACT_PAGE_SIZE_DEFAULT),
  cursor: z.string().max(2_000).optional(),
  /** `total=1` adds the number of contacts matching `q` (one more query). */
  total: z.enum(["0", "1"]).optional(),
});
export type ListContactsQuery = z.infer<typeof listContactsQuerySchema>;

export const exportContactsQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  sort: z.enum(CONTACT_SORTS).default("name"),
});

// ---- One contact ---------------------------------------------------------------------------------

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Optional text: trimmed; "" and null both mean "none" (null), undefined means "not given". */
function optionalText(max: number, label: string) {
  return z
    .union([z.string(), z.null()])
    .optional()
    .transform((value) => (value === undefined ? undefined : value?.trim() || null))
    .refine((value) => !value || value.length <= max, { message: `${label} can be at most ${max} characters` });
}

export const contactNameSchema = z.string().trim().min(1, "Enter a name").max(200, "The name can be at most 200 characters");

export const contactEmailSchema = optionalText(254, "The email").refine((value) => !value || EMAIL.test(value), {
  message: "Enter a valid email address, such as jane@example.com",
});

/** "example.com" and "www.example.com/about" are kept as https:// links; other schemes are refused. */
export function normalizeWebsite(value: string): string | null {
  if (/\s/.test(value)) return null;
  if (/^[a-z][a-z0-9+.-]*:(?!\d)/i.test(value) && !/^https?:\/\//i.test(value)) return null;
  const withScheme = /^https?:\/\//i.test(value) ? value : `https://${value}`;
  try {
    return new URL(withScheme).hostname.includes(".") ? withScheme : null;
  } catch {
    return null;
  }
}

export const contactWebsiteSchema = optionalText(500, "The website").transform((value, ctx) => {
  if (!value) return value;
  const website = normalizeWebsite(value);
  if (!website) {
    ctx.addIssue({ code: "custom", message: `"${value}" is not a web address. Use one such as example.com or https://example.com` });
    return z.NEVER;
  }
  return website;
});

export const contactTimezoneSchema = optionalText(64, "The time zone").refine((value) => !value || isIanaTimeZone(value), {
  message: "Use an IANA time zone such as Australia/Perth, or leave it empty to use the clinic's",
});

export const CONSENT_BASES = ["CARE_REMINDERS", "MARKETING", "NONE"] as const;

/** What the patient agreed to be called about; null clears it ("not recorded"). */
export const consentBasisSchema = z.enum(CONSENT_BASES, { error: "Choose care reminders, marketing or none" }).nullable().optional();
export const consentSourceSchema = optionalText(200, "How consent was given");
/** A calendar day, YYYY-MM-DD ("" or null clears it); not in the future. */
export const consentDateSchema = z
  .union([z.string(), z.null()])
  .optional()
  .transform((value, ctx) => {
    if (value === undefined) return undefined;
    const text = value?.trim();
    if (!text) return null;
    const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : null;
    if (!date || Number.isNaN(+date) || date.toISOString().slice(0, 10) !== text) {
      ctx.addIssue({ code: "custom", message: `"${text}" is not a date. Use YYYY-MM-DD, such as 2026-11-03` });
      return z.NEVER;
    }
    if (+date > Date.now() + 86_400_000) {
      ctx.addIssue({ code: "custom", message: "The consent date can't be in the future" });
      return z.NEVER;
    }
    return date;
  });

const customFieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const customFieldsInputSchema = z.union([
  z.record(z.string().max(200), customFieldValue),
  z.array(z.object({ key: z.string().max(200), value: customFieldValue })).max(200),
]);

const contactShape = {
  name: contactNameSchema,
  /** As typed; normalized to E.164 with the organization's country. */
  phoneNumber: z.string().trim().min(1, "Enter a phone number").max(40, "The phone number is too long"),
  email: contactEmailSchema,
  businessName: optionalText(200, "The business name"),
  businessWebsite: contactWebsiteSchema,
  timezone: contactTimezoneSchema,
  /** The patient's language (BCP 47, one Callboard speaks); empty = the clinic's default. */
  language: optionalLanguageSchema,
  /** Ticked: the number goes on the do-not-call list; unticked: it comes off (admins). The list is the truth. */
  doNotCall: z.boolean().optional(),
  doNotCallReason: optionalText(500, "The reason"),
  consentBasis: consentBasisSchema,
  consentSource: consentSourceSchema,
  consentDate: consentDateSchema,
  customFields: customFieldsInputSchema.optional(),
};

export const createContactSchema = z.object(contactShape);
export type CreateContactInput = z.infer<typeof createContactSchema>;

export const updateContactSchema = z
  .object({ ...contactShape, name: contactNameSchema.optional(), phoneNumber: contactShape.phoneNumber.optional() })
  .refine((input) => Object.values(input).some((value) => value !== undefined), { message: "Nothing to change" });
export type UpdateContactInput = z.infer<typeof updateContactSchema>;

// ---- Selections (for scheduling) -----------------------------------------------------------------

export const SELECTION_IDS_MAX = 100_000;
const contactId = z.string().min(1).max(64);

/**
 * Contacts chosen on /contacts: either explicit ids, or "every contact matching the search q",
 * minus the ones unticked since (and plus any ticked outside that search).
 */
export const contactSelectionSchema = z.union([
  z.object({ ids: z.array(contactId).max(SELECTION_IDS_MAX) }).strict(),
  z
    .object({
      filter: z.object({ q: z.string().trim().max(200).default("") }),
      excludeIds: z.array(contactId).max(SELECTION_IDS_MAX).default([]),
      includeIds: z.array(contactId).max(SELECTION_IDS_MAX).default([]),
    })
    .strict(),
]);
export type ContactSelectionInput = z.infer<typeof contactSelectionSchema>;
