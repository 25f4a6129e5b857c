import { toSnakeCase } from "@/lib/text/snake-case";

export type ContactForVariables = {
  name: string;
  phoneNumber: string;
  email?: string | null;
  businessName?: string | null;
  businessWebsite?: string | null;
  /** Contact.customFields (Prisma Json): an object of field name → value. */
  customFields?: unknown;
};

export type OrganizationForVariables = {
  name: string;
  /** IANA zone, e.g. "Australia/Sydney". */
  timezone: string;
  /** BCP 47 tag, e.g. "en-AU". */
  locale: string;
};

type VariableValue = string | number | boolean | null;

/**
 * The `dynamic_variables` the agent's prompt can use ({{contact_name}}, {{greeting}}, …).
 *
 * Precedence, lowest first: the contact's custom fields (keys in snake_case), then the standard
 * variables — so a custom column named "Greeting" cannot silently change what every call says —
 * then `overrides`, which are explicit for this call.
 *
 * Dates, times and the greeting are those of the clinic's own zone and locale at `now`, never the
 * server's. Pure: same input, same output.
 */
export function buildDynamicVariables({
  contact,
  organization,
  now,
  overrides = {},
}: {
  contact: ContactForVariables;
  organization: OrganizationForVariables;
  now: Date;
  overrides?: Record<string, VariableValue | undefined>;
}): Record<string, string> {
  return {
    ...customFieldVariables(contact.customFields),
    contact_name: contact.name.trim(),
    contact_phone: contact.phoneNumber,
    contact_email: contact.email ?? "",
    business_name: contact.businessName ?? "",
    business_website: contact.businessWebsite ?? "",
    ...clinicVariables(organization, now),
    ...stringValues(overrides),
  };
}

/** The clinic's name, today's date, the time and the greeting, in the clinic's zone and locale at `now`. */
export function clinicVariables(organization: OrganizationForVariables, now: Date) {
  const clock = clinicClock(now, organization.timezone, organization.locale);
  return {
    clinic_name: organization.name,
    current_date: clock.date,
    current_time: clock.time,
    current_weekday: clock.weekday,
    greeting: greetingForHour(clock.hour),
  };
}

export function greetingForHour(hour: number): string {
  if (hour < 12) return "Good morning";
  if (hour < 18) return "Good afternoon";
  return "Good evening";
}

function clinicClock(now: Date, timeZone: string, locale: string) {
  const resolvedLocale = supportedLocale(locale);
  let hourParts: Intl.DateTimeFormatPart[];
  try {
    // h23 so midnight is 0 (some ICU versions print "24" with hour12: false).
    hourParts = new Intl.DateTimeFormat("en-US", { timeZone, hour: "numeric", hourCycle: "h23" }).formatToParts(now);
  } catch {
    throw new RangeError(`Organization timezone "${timeZone}" is not a valid IANA zone.`);
  }
  const format = (options: Intl.DateTimeFormatOptions) =>
    // ICU separates "2:05" and "PM" with a narrow no-break space; speech engines and templates want a plain space.
    new Intl.DateTimeFormat(resolvedLocale, { timeZone, ...options }).format(now).replace(/[\u202f\u00a0]/g, " ");
  return {
    hour: Number(hourParts.find((part) => part.type === "hour")?.value ?? 0),
    date: format({ dateStyle: "long" }),
    time: format({ timeStyle: "short" }),
    weekday: format({ weekday: "long" }),
  };
}

/**
 * An unsupported or malformed tag would make Intl fall back to the server's default locale;
 * fall back to a fixed one instead so output does not depend on the machine.
 */
function supportedLocale(locale: string): string {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf(locale)[0] ?? "en-US";
  } catch {
    return "en-US";
  }
}

function customFieldVariables(customFields: unknown): Record<string, string> {
  if (typeof customFields !== "object" || customFields === null || Array.isArray(customFields)) return {};
  const variables: Record<string, string> = {};
  for (const [name, value] of Object.entries(customFields)) {
    const key = toSnakeCase(name);
    if (key) variables[key] = variableText(value);
  }
  return variables;
}

function stringValues(values: Record<string, VariableValue | undefined>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) result[key] = variableText(value);
  }
  return result;
}

function variableText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}
