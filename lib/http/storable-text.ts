/**
 * PostgreSQL cannot store a NUL character in text, and a lone UTF-16 surrogate has no UTF-8 form:
 * either one in a query parameter makes the driver or the server fail, which used to surface as a
 * 500. Every way into the app (JSON bodies, query strings, route params, sign-in fields) checks its
 * strings here, once, and answers 400 instead.
 */
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}

export const UNSTORABLE_TEXT_MESSAGE = "Contains a character that cannot be stored (a NUL byte or an unpaired UTF-16 surrogate). Remove it and try again.";

/**
 * The path of the first string (value or object key) that cannot be stored, or null. Walks the
 * parsed JSON iteratively, so a deeply nested body cannot exhaust the stack.
 */
export function findUnstorableText(value: unknown): string | null {
  const stack: Array<{ value: unknown; path: string }> = [{ value, path: "" }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === "string") {
      if (!isStorableText(current)) return path || "(root)";
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => stack.push({ value: item, path: path ? `${path}.${index}` : String(index) }));
    } else if (current && typeof current === "object") {
      for (const [key, item] of Object.entries(current)) {
        const itemPath = path ? `${path}.${key}` : key;
        if (!isStorableText(key)) return itemPath;
        stack.push({ value: item, path: itemPath });
      }
    }
  }
  return null;
}

/**
 * The same value with every string made storable: NUL removed, lone surrogates replaced by U+FFFD.
 * For data we must keep rather than refuse — a signed provider webhook is sent once and never again.
 */
export function makeStorable(value: unknown): unknown {
  if (typeof value === "string") return isStorableText(value) ? value : value.replaceAll("\u0000", "").replace(LONE_SURROGATE, "\uFFFD");
  if (Array.isArray(value)) return value.map(makeStorable);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [makeStorable(key) as string, makeStorable(item)]));
  }
  return value;
}

// Any NUL or surrogate in JSON text, raw or as an escape (\u0000, \ud800): one scan of the text.
// Valid pairs (emoji) match too; the slow path then finds nothing to change.
const MAYBE_UNSTORABLE = /[\u0000\uD800-\uDFFF]|\\u(?:0000|d[89a-f])/i;

/**
 * JSON.parse, then makeStorable — skipped when the text itself shows that no string can need it
 * (no NUL or surrogate, raw or escaped), which is every ordinary body: rebuilding every object of
 * a large payload only to change nothing is most of what this costs.
 */
export function parseStorableJson(text: string): unknown {
  const value: unknown = JSON.parse(text);
  return MAYBE_UNSTORABLE.test(text) ? makeStorable(value) : value;
}
