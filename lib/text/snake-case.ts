import { foldAccents } from "@/lib/text/fold-accents";

const isUpper = (code: number) => code >= 65 && code <= 90;
const isLowerOrDigit = (code: number) => (code >= 97 && code <= 122) || (code >= 48 && code <= 57);

/**
 * Where camelCase words meet, marked with "_" in one pass: after a lower-case letter or digit
 * (lastVisitDate → last_Visit_Date, address2Line → address2_Line), and before the last capital of a
 * run that a lower-case letter follows (HTTPServer → HTTP_Server). The two regular expressions this
 * replaces backtracked over every run of capitals, quadratic in its length: one 60,000-letter CSV
 * header held the server for minutes.
 */
function splitCamelCase(text: string): string {
  let out = "";
  let from = 0;
  for (let i = 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isUpper(code)) continue;
    const before = text.charCodeAt(i - 1);
    if (isLowerOrDigit(before) || (isUpper(before) && i + 1 < text.length && text.charCodeAt(i + 1) >= 97 && text.charCodeAt(i + 1) <= 122)) {
      out += text.slice(from, i) + "_";
      from = i;
    }
  }
  return out + text.slice(from);
}

/**
 * A custom-field name as a dynamic-variable key: "First Name" → "first_name",
 * "lastVisitDate" → "last_visit_date", "  Date of birth (DOB) " → "date_of_birth_dob".
 * Accents are dropped ("Prénom" → "prenom"); runs of anything but letters and digits become one
 * underscore, so a key can never start with ElevenLabs' reserved `system__` prefix. Returns "" when
 * nothing usable is left (e.g. "???"); callers should skip such keys. Linear in the input's length.
 */
export function toSnakeCase(key: string): string {
  const plain = foldAccents(key).trim();
  return splitCamelCase(plain)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}
