// Common clinic time zones → country. Zones shared by several countries are left out on purpose.
const COUNTRY_BY_ZONE: Record<string, string> = {
  "Pacific/Auckland": "NZ",
  "Pacific/Chatham": "NZ",
  "Europe/London": "GB",
  "Europe/Dublin": "IE",
  "America/New_York": "US",
  "America/Chicago": "US",
  "America/Denver": "US",
  "America/Phoenix": "US",
  "America/Los_Angeles": "US",
  "America/Anchorage": "US",
  "America/Detroit": "US",
  "America/Boise": "US",
  "Pacific/Honolulu": "US",
  "America/Toronto": "CA",
  "America/Vancouver": "CA",
  "America/Edmonton": "CA",
  "America/Winnipeg": "CA",
  "America/Halifax": "CA",
  "America/St_Johns": "CA",
  "America/Regina": "CA",
  "Asia/Singapore": "SG",
  "Asia/Kolkata": "IN",
  "Asia/Calcutta": "IN",
  "Asia/Tokyo": "JP",
  "Europe/Berlin": "DE",
  "Europe/Paris": "FR",
  "Europe/Madrid": "ES",
  "Europe/Rome": "IT",
  "Europe/Amsterdam": "NL",
  "Africa/Johannesburg": "ZA",
};

/**
 * A first guess at the clinic's country from the browser: its time zone (where the computer is)
 * before its language ("en-US" is set on many machines outside the US). Null when neither tells.
 */
export function guessCountry(timeZone: string | null, languages: readonly string[], known: ReadonlySet<string>): string | null {
  if (timeZone?.startsWith("Australia/")) return "AU";
  const byZone = timeZone ? COUNTRY_BY_ZONE[timeZone] : undefined;
  if (byZone && known.has(byZone)) return byZone;
  for (const tag of languages) {
    const region = tag
      .split("-")
      .find((part, i) => i > 0 && /^[A-Za-z]{2}$/.test(part))
      ?.toUpperCase();
    if (region && known.has(region)) return region;
  }
  return null;
}
