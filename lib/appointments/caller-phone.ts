import { AppError } from "@/lib/errors";
import { patientOnTheLine } from "@/lib/agents/patient-on-the-line";

export interface ToolLine {
  caller_id?: string;
  called_number?: string;
  conversation_id?: string;
}

/**
 * The patient's number for an agent action, decided from the call's numbers (patientOnTheLine), with the
 * number an older tool sent in its own field weighed too. None left: a 400 the agent can say.
 */
export async function callerPhone(organizationId: string, defaultCountry: string, line: ToolLine, stated: string | undefined, path: string): Promise<string> {
  const phone = await patientOnTheLine(organizationId, defaultCountry, {
    conversationId: line.conversation_id,
    callerId: line.caller_id,
    calledNumber: line.called_number,
    stated,
  });
  if (!phone) {
    const message = "I couldn't tell which phone number you're calling from. Could you say it, with the area code?";
    throw new AppError("invalid_input", message, { issues: [{ path, message }] });
  }
  return phone;
}
