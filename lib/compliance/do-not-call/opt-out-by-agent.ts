import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { patientOnTheLine } from "@/lib/agents/patient-on-the-line";
import { recordOptOut } from "@/lib/compliance/do-not-call/record-opt-out";
import type { AgentOptOutInput } from "@/lib/compliance/do-not-call/schemas";

// Said aloud by the agent: plain sentences.
const DONE = "I've added your number to our do-not-call list, so the clinic won't call you again. Is there anything else I can help with today?";
const NO_NUMBER =
  "I'm sorry, I couldn't tell which number you're calling from, so I couldn't add it to our do-not-call list. Please tell the clinic's staff and they'll add it.";

/**
 * The agent's opt_out tool: the patient on the line asked not to be called again. Their number is the one
 * the server knows for this call (patientOnTheLine), never a number the agent typed; it goes on the list
 * at once. Without a number, a 422 whose message the agent can say.
 */
export async function optOutByAgent(organizationId: string, input: AgentOptOutInput) {
  const { defaultCountry } = await getDb().organization.findUniqueOrThrow({ where: { id: organizationId }, select: { defaultCountry: true } });
  const phone = await patientOnTheLine(organizationId, defaultCountry, {
    conversationId: input.conversation_id,
    callerId: input.caller_id,
    calledNumber: input.called_number,
  });
  if (!phone) throw new AppError("unprocessable", NO_NUMBER);
  const call = input.conversation_id
    ? await getDb().call.findFirst({ where: { organizationId, conversationId: input.conversation_id }, select: { id: true } })
    : null;
  const { added } = await recordOptOut({
    organizationId,
    phoneNumber: phone,
    source: "AGENT_OPT_OUT",
    callId: call?.id ?? null,
    conversationId: input.conversation_id ?? null,
    evidence: input.reason ?? null,
  });
  return { success: true as const, added, message: DONE };
}
