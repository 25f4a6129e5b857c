/**
 * A custom-field name as a dynamic-variable key: "First Name" → "first_name",
 * "lastVisitDate" → "last_visit_date", "  Date of birth (DOB) " → "date_of_birth_dob".
 * Accents are dropped ("Prénom" → "prenom"); runs of anything but letters and digits become one
 * underscore, so a key can never start with ElevenLabs' reserved `system__` prefix. Returns "" when
 * nothing usable is left (e.g. "???"); callers should skip such keys.
 */
export function toSnakeCase(key: string): string {
  return key
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .trim()
    // lastVisitDate → last_Visit_Date; HTTPServer → HTTP_Server; address2Line → address2_Line
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}
