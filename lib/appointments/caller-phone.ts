import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { normalizePhone } from "@/lib/contacts/normalize-phone";
import { patientOnTheLine } from "@/lib/agents/patient-on-the-line";

export interface ToolLine {
  caller_id?: string;
  called_number?: string;
  conversation_id?: string;
}

/** Said aloud when the call's numbers do not say who the patient is: nothing about anyone's records is read or changed. */
export const UNKNOWN_CALLER =
  "I'm sorry, I can't tell which number you're calling from, so I can't do that on this call. Please call from your own phone without hiding your number, or the clinic's staff can help.";

const lineOf = (line: ToolLine) => ({ conversationId: line.conversation_id, callerId: line.caller_id, calledNumber: line.called_number });

/**
 * The patient's number for an agent action on their records — their appointments (found, cancelled,
 * moved), a call back to them — from the call's own numbers (patientOnTheLine) only. A number the agent
 * typed (an older tool's customer_phone / phone_number) is never used: with a withheld caller id anyone could
 * name a patient's number. None: a 422 the agent can say.
 */
export async function callerPhone(organizationId: string, defaultCountry: string, line: ToolLine): Promise<string> {
  const phone = await patientOnTheLine(organizationId, defaultCountry, lineOf(line));
  if (!phone) throw new AppError("unprocessable", UNKNOWN_CALLER);
  return phone;
}

/**
 * The number a NEW appointment is booked under: the patient's from the call's numbers, else — the caller id
 * withheld, say — the number the caller stated (`verified: false`). Booking with a stated number creates an
 * appointment and reveals nothing about anyone; the caller then books as a stranger would (see bookAppointment).
 * None (or only an unreadable number, or the clinic's own): a 400 asking for it.
 */
export async function bookingPhone(
  organizationId: string,
  defaultCountry: string,
  line: ToolLine,
  stated: string | undefined,
  path: string,
): Promise<{ phone: string; verified: boolean }> {
  const phone = await patientOnTheLine(organizationId, defaultCountry, lineOf(line));
  if (phone) return { phone, verified: true };
  const message = "I couldn't tell which phone number you're calling from. Could you say it, with the area code?";
  const parsed = stated ? normalizePhone(stated, defaultCountry) : null;
  const own = parsed?.ok ? await getDb().phoneNumber.findFirst({ where: { organizationId, e164: parsed.e164 }, select: { id: true } }) : null;
  if (!parsed?.ok || own) throw new AppError("invalid_input", message, { issues: [{ path, message }] });
  return { phone: parsed.e164, verified: false };
}
