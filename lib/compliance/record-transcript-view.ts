import { getDb } from "@/lib/db";
import { recordAuditEvent, type AuditActor } from "@/lib/compliance/record-audit-event";

/**
 * Records that `actor` opened a call's transcript. Call it where the transcript is rendered (the call
 * page) with the call already loaded for this organization, so only real views of the clinic's own
 * calls are logged.
 */
export async function recordTranscriptView(organizationId: string, actor: AuditActor, callId: string): Promise<void> {
  await recordAuditEvent(getDb(), { organizationId, action: "CALL_TRANSCRIPT_VIEWED", actor, targetType: "call", targetId: callId });
}
