/**
 * What a contacts search means, in one place for the SQL (lib/contacts/search-sql.ts) and the browser
 * (which must tell whether a row is covered by a "select all matching" selection):
 *
 *  - three characters or more: the text anywhere in the name, email or business name (any case);
 *  - one or two characters: a word of the name or business name starting with it — "jo" finds
 *    "Jo Smith" and "Mary Jones", not "Bjorn" (a two-letter substring would match almost everyone and
 *    cannot use the trigram index; emails are left out, their words are mostly domains);
 *  - text made only of digits and phone punctuation, with at least three digits: those digits anywhere
 *    in the E.164 number, also without a leading trunk "0" ("0412 345" finds +61412345678) or an
 *    international "00".
 */
export const SEARCH_MIN_SUBSTRING_LENGTH = 3;

export interface SearchTerms {
  /** The query, trimmed, with runs of white space collapsed. */
  text: string;
  /** True for short queries: match the start of a word instead of anywhere. */
  wordPrefix: boolean;
  /** Digit strings to look for in the phone number (empty when the query is not phone-like). */
  phoneDigits: string[];
}

const PHONE_LIKE = /^[\d\s()+.\-/]+$/;

export function parseSearch(q: string | null | undefined): SearchTerms | null {
  const text = (q ?? "").trim().replace(/\s+/g, " ");
  if (!text) return null;
  const phoneDigits: string[] = [];
  const digits = text.replace(/\D/g, "");
  if (PHONE_LIKE.test(text) && digits.length >= 3) {
    phoneDigits.push(digits);
    if (digits.startsWith("00") && digits.length >= 5) phoneDigits.push(digits.slice(2));
    else if (digits.startsWith("0") && digits.length >= 4) phoneDigits.push(digits.slice(1));
  }
  return { text, wordPrefix: text.length < SEARCH_MIN_SUBSTRING_LENGTH, phoneDigits };
}

export interface SearchableContact {
  name: string;
  email: string | null;
  businessName: string | null;
  phoneNumber: string;
}

function startsAWord(value: string, needle: string): boolean {
  return value.startsWith(needle) || value.includes(` ${needle}`);
}

/** The same test as the SQL, for one contact. An empty query matches everyone. */
export function contactMatchesSearch(contact: SearchableContact, q: string | null | undefined): boolean {
  const terms = parseSearch(q);
  if (!terms) return true;
  const needle = terms.text.toLowerCase();
  const name = contact.name.toLowerCase();
  const email = contact.email?.toLowerCase() ?? "";
  const business = contact.businessName?.toLowerCase() ?? "";
  const textMatch = terms.wordPrefix
    ? startsAWord(name, needle) || startsAWord(business, needle)
    : name.includes(needle) || email.includes(needle) || business.includes(needle);
  return textMatch || terms.phoneDigits.some((digits) => contact.phoneNumber.includes(digits));
}
