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
  doNotCall: z.boolean().optional(),
  doNotCallReason: optionalText(500, "The reason"),
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
