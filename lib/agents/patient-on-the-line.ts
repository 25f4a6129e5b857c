import { getDb } from "@/lib/db";
import { normalizePhone } from "@/lib/contacts/normalize-phone";

/** The numbers a tool call carries: ElevenLabs fills them from the call's system variables. */
export interface LineNumbers {
  /** system__conversation_id */
  conversationId?: string;
  /** system__caller_id: the number that placed the call (the patient inbound, the clinic outbound). */
  callerId?: string;
  /** system__called_number: the number that was rung (the clinic inbound, the patient outbound). */
  calledNumber?: string;
  /** A number sent in an older tool's field (customer_phone, phone_number), weighed like the others. */
  stated?: string;
}

/**
 * Which number is the patient's on this call, decided here rather than trusted from one field: the number
 * Callboard dialed for this conversation; else the caller when that is not one of the clinic's own numbers
 * (inbound); else the number rung when it is not the clinic's and the call is known to be outbound — its
 * caller id is the clinic's, or every clinic line's number is known (a withheld caller id on a line whose
 * number is not yet known would otherwise make the clinic's own number the patient's); else the number the
 * patient stated. Null when no number is left.
 */
export async function patientOnTheLine(organizationId: string, defaultCountry: string, line: LineNumbers): Promise<string | null> {
  const db = getDb();
  const [dialed, lines] = await Promise.all([
    line.conversationId
      ? db.call.findFirst({ where: { organizationId, conversationId: line.conversationId }, select: { direction: true, toNumber: true, fromNumber: true } })
      : null,
    db.phoneNumber.findMany({ where: { organizationId }, select: { e164: true } }),
  ]);
  if (dialed) {
    const number = dialed.direction === "OUTBOUND" ? dialed.toNumber : dialed.fromNumber;
    if (number) return number;
  }
  const clinic = new Set(lines.flatMap((row) => (row.e164 ? [row.e164] : [])));
  const normalized = (candidate: string | undefined) => {
    const phone = candidate ? normalizePhone(candidate, defaultCountry) : null;
    return phone?.ok ? phone.e164 : null;
  };
  const caller = normalized(line.callerId);
  if (caller && !clinic.has(caller)) return caller;
  const called = normalized(line.calledNumber);
  const outbound = (caller !== null && clinic.has(caller)) || (lines.length > 0 && lines.every((row) => row.e164));
  if (called && !clinic.has(called) && outbound) return called;
  const stated = normalized(line.stated);
  return stated && !clinic.has(stated) ? stated : null;
}
