/**
 * A shared Intl.DateTimeFormat per locale and options. Building one costs ICU tens of microseconds
 * (locale and zone data), about as much as the rest of a dial's variables together; formatting with one
 * already built costs a few. Zones and locales in use are few, so the cache stays small; it is cleared
 * if unusual input ever fills it.
 */
const MAX_FORMATS = 2_000;
const formats = new Map<string, Intl.DateTimeFormat>();

/** The same formatter `new Intl.DateTimeFormat(locale, options)` would build (and the same RangeError for a bad zone). */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    if (formats.size >= MAX_FORMATS) formats.clear();
    formats.set(key, format);
  }
  return format;
}

const supported = new Map<string, string>();

/**
 * The locale Intl will actually use for `locale`, or "en-US" when it supports none of it: an unsupported
 * or malformed tag would otherwise fall back to the server's default and output would depend on the machine.
 */
export function supportedLocale(locale: string): string {
  let resolved = supported.get(locale);
  if (resolved === undefined) {
    try {
      resolved = Intl.DateTimeFormat.supportedLocalesOf(locale)[0] ?? "en-US";
    } catch {
      resolved = "en-US";
    }
    if (supported.size >= MAX_FORMATS) supported.clear();
    supported.set(locale, resolved);
  }
  return resolved;
}
