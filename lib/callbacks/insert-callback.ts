import { getDb, type DbClient } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordActivity } from "@/lib/activity/record-activity";
import { resolveDialLine, type DialLine } from "@/lib/agents/resolve-dial-line";
import type { CallbackOrigin } from "@/lib/generated/prisma/enums";
import { clinicWhen } from "@/lib/scheduling/place-in-calling-hours";
import { scheduledCallSelect, toScheduledCallView } from "@/lib/scheduling/scheduled-call-view";

export interface CallbackRow {
  organizationId: string;
  timezone: string;
  maxAttempts: number;
  contact: { id: string; name: string };
  /** The call it follows up: its agent rings back, its conversation is the history. */
  sourceCall: { id: string; conversationId: string | null; agentId: string | null } | null;
  origin: CallbackOrigin;
  at: Date;
  requested: Date | null;
  note: string | null;
  awaitsConfirmation: boolean;
  actorUserId: string | null;
  /** Extra variables for the agent (why it calls back). */
  variables?: Record<string, string>;
  /** The one-at-a-time sequence that will wait on it (lib/scheduling/hold-sequence.ts). */
  sequenceBatchId?: string | null;
  /** The line it rings from, when the caller has settled it (the agent that took the call); else the earlier call's agent or the clinic's default. */
  line?: DialLine;
  /** The note also reaches the agent as `callback_note`, unless the caller's variables already carry it (the agent's own `context`). */
  noteVariable?: boolean;
  /** Its "call back scheduled" feed entry, unless the caller writes one of its own (the agent's says what the agent did). */
  feedEntry?: boolean;
}

/** The agent of the earlier call when it is still the clinic's, else the clinic's default line. */
async function callbackLine(db: DbClient, organizationId: string, agentId: string | null): Promise<DialLine> {
  if (agentId) {
    try {
      return await resolveDialLine(db, organizationId, { agentId });
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
    }
  }
  return resolveDialLine(db, organizationId);
}

/**
 * Writes one callback: a PENDING ScheduledCall of kind CALLBACK, dispatched, retried and settled like
 * every scheduled call. Its dynamic variables name the earlier conversation, whose summary and last
 * turns are added when it is dialed (lib/calls/callback-history.ts). Plus its feed entry. In `db`'s
 * transaction when given one. The one place callback rows are written: staff's, the agent's and an outcome's.
 */
export async function insertCallback(row: CallbackRow, db: DbClient = getDb()) {
  const line = row.line ?? (await callbackLine(db, row.organizationId, row.sourceCall?.agentId ?? null));
  const dynamicVariables: Record<string, string> = {
    ...row.variables,
    ...(row.note && row.noteVariable !== false ? { callback_note: row.note } : {}),
    ...(row.sourceCall?.conversationId ? { previous_conversation_id: row.sourceCall.conversationId } : {}),
  };
  const created = await db.scheduledCall.create({
    data: {
      organizationId: row.organizationId,
      contactId: row.contact.id,
      agentId: line.agentId,
      fromNumber: line.agentPhoneNumberId,
      maxAttempts: row.maxAttempts,
      scheduledTime: row.at,
      requestedTime: row.requested,
      kind: "CALLBACK",
      callbackOrigin: row.origin,
      note: row.note,
      sourceCallId: row.sourceCall?.id ?? null,
      awaitsConfirmation: row.awaitsConfirmation,
      sequenceBatchId: row.sequenceBatchId ?? null,
      createdByUserId: row.actorUserId,
      dynamicVariables,
    },
    select: scheduledCallSelect,
  });
  if (row.feedEntry === false) return toScheduledCallView(created);
  const who = row.origin === "AFTER_CALL" ? "A call back (to confirm) was set" : "A call back was scheduled";
  await recordActivity(db, {
    organizationId: row.organizationId,
    type: "CALLBACK_SCHEDULED",
    message: `${who} to ${row.contact.name} for ${clinicWhen(row.at, row.timezone)}`,
    actorUserId: row.actorUserId,
    contactId: row.contact.id,
    callId: row.sourceCall?.id ?? null,
    data: { scheduledCallId: created.id, scheduledTime: row.at.toISOString(), origin: row.origin },
  });
  return toScheduledCallView(created);
}
