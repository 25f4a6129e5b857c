import { getDb } from "@/lib/db";
import { normalizePhone } from "@/lib/contacts/normalize-phone";

/** The numbers a tool call carries: ElevenLabs fills them from the call's system variables, never the LLM. */
export interface LineNumbers {
  /** system__conversation_id */
  conversationId?: string;
  /** system__caller_id: the number that placed the call (the patient inbound, the clinic outbound). */
  callerId?: string;
  /** system__called_number: the number that was rung (the clinic inbound, the patient outbound). */
  calledNumber?: string;
}

/**
 * Which number is the patient's on this call, decided here from the call's system variables, never from a
 * number the agent typed. In order:
 * - the number Callboard dialed (or recorded) for this conversation;
 * - when one of the two numbers is the clinic's own, the other one (the caller id is the clinic's on an
 *   outbound call, the number rung is the clinic's on an inbound one). The clinic's numbers are its lines'
 *   E.164s and, while a line's number is not known yet, the clinic side of its recorded calls;
 * - the number rung when Callboard is dialing it right now (the dial's answer was lost, so the conversation
 *   id is not stored yet): the call is outbound and the caller id is the clinic's;
 * - when every line's number is known, neither being the clinic's: the caller. Never the number rung: withheld, an
 *   inbound call to a number of the clinic's not registered here would make that number "the patient".
 *   With no line at all the caller: Callboard dials only from a registered line.
 * Otherwise it cannot tell which side is the patient — a line whose number is not known yet may be the
 * caller id of an outbound call — and answers null rather than guess: the clinic's own number must never be
 * taken for the patient's (put on the do-not-call list, called back).
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
  const normalized = (candidate: string | undefined) => {
    const phone = candidate ? normalizePhone(candidate, defaultCountry) : null;
    return phone?.ok ? phone.e164 : null;
  };
  const caller = normalized(line.callerId);
  const called = normalized(line.calledNumber);
  const lineUnknown = lines.some((row) => !row.e164);
  const clinic = new Set(lines.flatMap((row) => (row.e164 ? [row.e164] : [])));
  if (lineUnknown) for (const number of await clinicSideOfCalls(organizationId, [caller, called])) clinic.add(number);

  const callerIsClinic = caller !== null && clinic.has(caller);
  const calledIsClinic = called !== null && clinic.has(called);
  if (callerIsClinic) return called && !calledIsClinic ? called : null;
  if (calledIsClinic) return caller;
  if (called && (await dialingNow(organizationId, called))) return called;
  if (lines.length === 0) return caller;
  return lineUnknown ? null : caller;
}

/**
 * Which of these numbers the clinic's own calls show on the clinic's side (the number an outbound call came
 * from, the number an inbound call rang): a line's number before the configuration check records it.
 */
async function clinicSideOfCalls(organizationId: string, candidates: (string | null)[]): Promise<string[]> {
  const numbers = [...new Set(candidates.filter((n): n is string => n !== null))];
  const found = await Promise.all(
    numbers.map((number) =>
      getDb().call.findFirst({
        where: {
          organizationId,
          OR: [
            { direction: "OUTBOUND", fromNumber: number },
            { direction: "INBOUND", toNumber: number },
          ],
        },
        select: { id: true },
      }),
    ),
  );
  return numbers.filter((_, i) => found[i] !== null);
}

/** Callboard has an outbound call to this number open right now (its conversation id may not be stored yet). */
async function dialingNow(organizationId: string, number: string): Promise<boolean> {
  const open = await getDb().call.findFirst({
    where: { organizationId, direction: "OUTBOUND", status: { in: ["INITIATED", "IN_PROGRESS"] }, toNumber: number },
    select: { id: true },
  });
  return open !== null;
}
