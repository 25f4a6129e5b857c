import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";

export type PhoneResult = { ok: true; e164: string } | { ok: false; message: string };

/**
 * The longest text read as a phone number ("+1 (415) 555-0100 ext. 12345" is 29). A CSV cell can hold
 * 10,000 characters: anything this long is refused before it is looked at, and not quoted whole.
 */
export const PHONE_INPUT_MAX_CHARS = 64;

/**
 * Reads a phone number as staff type it ("0412 345 678", "+1 (415) 555-0100") into E.164,
 * using the clinic's default country for local numbers. The message quotes what was typed.
 */
export function normalizePhone(input: string, defaultCountry: string): PhoneResult {
  const typed = input.trim();
  if (!typed) return { ok: false, message: "Enter a phone number." };
  if (typed.length > PHONE_INPUT_MAX_CHARS) {
    return {
      ok: false,
      message: `"${typed.slice(0, 20)}…" is not a phone number: it is ${typed.length.toLocaleString("en")} characters long (at most ${PHONE_INPUT_MAX_CHARS}).`,
    };
  }
  // The extension's pattern starts at "ext" or "x", not at the spaces before it: a leading \s* would be
  // tried from every space of a long run, quadratic in its length.
  if (/[a-z]/i.test(typed.replace(/(ext\.?|x)\s*\d+$/i, ""))) {
    return { ok: false, message: `"${typed}" is not a phone number: it contains letters.` };
  }
  const parsed = parsePhoneNumberFromString(typed, { defaultCountry: defaultCountry as CountryCode, extract: false });
  if (!parsed || !parsed.isValid()) {
    // A number typed with + is judged by the country code it carries, so the message names that one.
    if (typed.startsWith("+")) {
      if (!parsed?.countryCallingCode) return { ok: false, message: `"${typed}" is not a valid phone number: no country has the code it starts with.` };
      return {
        ok: false,
        message: `"${typed}" is not a valid phone number for ${describeCallingCode(parsed.countryCallingCode, parsed.country ?? parsed.getPossibleCountries()[0])}. Check the digits after the country code.`,
      };
    }
    return { ok: false, message: `"${typed}" is not a valid phone number for ${defaultCountry}. Use the local format or + and the country code.` };
  }
  return { ok: true, e164: parsed.number };
}

/** A stored E.164 number shown the way the clinic reads it: national format at home, international otherwise. */
export function formatPhoneForDisplay(e164: string, defaultCountry: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === defaultCountry ? parsed.formatNational() : parsed.formatInternational();
}

/** "+44 (United Kingdom)": the code, and the main country that uses it, in English. */
function describeCallingCode(callingCode: string, country: string | undefined): string {
  const name = country ? new Intl.DisplayNames(["en"], { type: "region" }).of(country) : undefined;
  return name ? `+${callingCode} (${name})` : `+${callingCode}`;
}
