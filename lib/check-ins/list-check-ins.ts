import { getDb } from "@/lib/db";
import type { ListCheckInsQuery } from "@/lib/check-ins/schemas";

/**
 * The clinic's check-ins, newest first (optionally one patient's), each with its calls and their status:
 * what the contact's "scheduled calls" and /scheduling show. `nextAttemptAt`, when set, is when the call will
 * really ring (a retry, or a call the dispatcher held for the patient's call limits). Another clinic's contact id lists nothing.
 */
export async function listCheckIns(organizationId: string, query: ListCheckInsQuery) {
  const rows = await getDb().checkIn.findMany({
    where: { organizationId, ...(query.contactId ? { contactId: query.contactId } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit,
    select: {
      id: true,
      description: true,
      note: true,
      occurrences: true,
      createdAt: true,
      contact: { select: { id: true, name: true } },
      scheduledCalls: {
        orderBy: { checkInOccurrence: "asc" },
        select: { id: true, checkInOccurrence: true, status: true, scheduledTime: true, nextAttemptAt: true, requestedTime: true, callId: true },
      },
    },
  });
  return { checkIns: rows };
}
