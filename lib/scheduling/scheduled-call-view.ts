import type { Prisma } from "@/lib/generated/prisma/client";
import { pendingWait } from "@/lib/scheduling/pending-wait";

/** What lists and answers show of a scheduled call; the same select everywhere. */
export const scheduledCallSelect = {
  id: true,
  status: true,
  scheduledTime: true,
  requestedTime: true,
  nextAttemptAt: true,
  attempts: true,
  maxAttempts: true,
  errorMessage: true,
  executedAt: true,
  cancelledAt: true,
  cancelReason: true,
  sequenceIndex: true,
  batchId: true,
  callId: true,
  providerCallId: true,
  agentId: true,
  fromNumber: true,
  createdAt: true,
  kind: true,
  callbackOrigin: true,
  note: true,
  sourceCallId: true,
  awaitsConfirmation: true,
  confirmedAt: true,
  checkInId: true,
  checkInOccurrence: true,
  contact: { select: { id: true, name: true, phoneNumber: true } },
} satisfies Prisma.ScheduledCallSelect;

type Row = Prisma.ScheduledCallGetPayload<{ select: typeof scheduledCallSelect }>;

export function toScheduledCallView(row: Row) {
  const { fromNumber, ...rest } = row;
  return {
    ...rest,
    /** When the dispatcher will next pick it up (a retry's time, else the scheduled time). */
    dueAt: row.nextAttemptAt ?? row.scheduledTime,
    /** Why a pending call is due later than scheduled: a retry, or the dispatcher held it for the call limit or calling hours. */
    waitingFor: pendingWait(row),
    /** Calling hours moved it away from the staggered time asked for. */
    moved: row.requestedTime !== null,
    agentPhoneNumberId: fromNumber,
    /** A callback made from a call's outcome that nobody has confirmed yet (it runs at its time unless cancelled). */
    toConfirm: row.awaitsConfirmation && row.confirmedAt === null && row.status === "PENDING",
  };
}

export type ScheduledCallView = ReturnType<typeof toScheduledCallView>;
