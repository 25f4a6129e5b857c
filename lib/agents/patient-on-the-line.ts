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
 * Callboard dialed for this conversation, else the first of the call's numbers that is not one of the
 * clinic's own (inbound, the caller; outbound, the number rung). Null when no number is left.
 */
export async function patientOnTheLine(organizationId: string, defaultCountry: string, line: LineNumbers): Promise<string | null> {
  const db = getDb();
  const [dialed, own] = await Promise.all([
    line.conversationId
      ? db.call.findFirst({ where: { organizationId, conversationId: line.conversationId }, select: { direction: true, toNumber: true, fromNumber: true } })
      : null,
    db.phoneNumber.findMany({ where: { organizationId, e164: { not: null } }, select: { e164: true } }),
  ]);
  if (dialed) {
    const number = dialed.direction === "OUTBOUND" ? dialed.toNumber : dialed.fromNumber;
    if (number) return number;
  }
  const clinic = new Set(own.map((row) => row.e164));
  for (const candidate of [line.callerId, line.calledNumber, line.stated]) {
    if (!candidate) continue;
    const phone = normalizePhone(candidate, defaultCountry);
    if (phone.ok && !clinic.has(phone.e164)) return phone.e164;
  }
  return null;
}
