import { getDb } from "@/lib/db";
import { recordAuditEvent, type AuditActor } from "@/lib/compliance/record-audit-event";

/** Where a transcript was read: the call page, or the API (GET /api/calls/{id}). */
export type TranscriptReadChannel = "page" | "api";

/**
 * Records that `actor` read a call's transcript (and analysis). Called by the one function that
 * decrypts them for people (lib/calls/history/get-call.ts), with the call already loaded for this
 * organization, so only real reads of the clinic's own calls are logged.
 */
export async function recordTranscriptView(organizationId: string, actor: AuditActor, callId: string, via: TranscriptReadChannel): Promise<void> {
  await recordAuditEvent(getDb(), { organizationId, action: "CALL_TRANSCRIPT_VIEWED", actor, targetType: "call", targetId: callId, data: { via } });
}
