import { getDb } from "@/lib/db";

export const RECENT_CALLS_LIMIT = 50;

/** The organization's latest calls, newest first, with the contact's name when it still exists. */
export async function listRecentCalls(organizationId: string, limit = RECENT_CALLS_LIMIT) {
  return getDb().call.findMany({
    where: { organizationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      createdAt: true,
      status: true,
      direction: true,
      toNumber: true,
      outcome: true,
      summary: true,
      durationSeconds: true,
      errorMessage: true,
      conversationId: true,
      contact: { select: { id: true, name: true } },
    },
  });
}

export type RecentCall = Awaited<ReturnType<typeof listRecentCalls>>[number];
