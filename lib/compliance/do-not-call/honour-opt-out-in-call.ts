import { getDb } from "@/lib/db";
import type { TranscriptTurn } from "@/lib/elevenlabs/conversation-schemas";
import { detectOptOut } from "@/lib/compliance/do-not-call/detect-opt-out";
import { recordOptOut } from "@/lib/compliance/do-not-call/record-opt-out";

/**
 * After a call ends (the webhook, or the sweeper's lookup): if the patient opted out in it — the
 * analysis says so, or they said so — their number goes on the do-not-call list now. The number is the
 * call's own: the one dialed, or the caller's for a call that came in. Nothing to do costs no query.
 */
export async function honourOptOutInCall(
  call: { id: string; organizationId: string },
  result: { transcript: TranscriptTurn[] | string | null; analysis: Record<string, unknown> | null; conversationId: string | null },
): Promise<boolean> {
  const evidence = detectOptOut(result);
  if (!evidence) return false;
  const row = await getDb().call.findFirst({
    where: { id: call.id, organizationId: call.organizationId },
    select: { direction: true, toNumber: true, fromNumber: true },
  });
  const phoneNumber = row ? (row.direction === "OUTBOUND" ? row.toNumber : row.fromNumber) : null;
  if (!phoneNumber?.startsWith("+")) return false;
  const { added } = await recordOptOut({
    organizationId: call.organizationId,
    phoneNumber,
    source: "CALL_ANALYSIS",
    callId: call.id,
    conversationId: result.conversationId,
    evidence: evidence.kind === "phrase" ? evidence.said : "The call's analysis recorded an opt-out",
  });
  return added;
}
