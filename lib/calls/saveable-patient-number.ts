import { normalizePhone } from "@/lib/contacts/normalize-phone";

/**
 * The number of a call's patient that "Add to contacts" can save, in E.164: the caller's on an inbound call,
 * the number dialed on an outbound one. Null when there is none to save — a withheld caller id ("anonymous"),
 * an empty or unreadable one. The call's page offers the button only when this is a number, and the server
 * (lib/calls/add-caller-to-contacts.ts) refuses with a 422 when it is not: one rule for both.
 */
export function saveablePatientNumber(
  call: { direction: "INBOUND" | "OUTBOUND"; fromNumber: string | null; toNumber: string },
  defaultCountry: string,
): string | null {
  const patientNumber = call.direction === "INBOUND" ? call.fromNumber : call.toNumber;
  const phone = patientNumber ? normalizePhone(patientNumber, defaultCountry) : null;
  return phone?.ok ? phone.e164 : null;
}
