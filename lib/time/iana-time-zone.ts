/** An IANA zone name ("Australia/Sydney", or "UTC") that this runtime's Intl knows. */
export function isIanaTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return value.includes("/") || value === "UTC";
  } catch {
    return false;
  }
}
