import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CallDirection, CallStatus } from "@/lib/generated/prisma/enums";
import { decodeCallCursor, encodeCallCursor } from "@/lib/calls/history/call-cursor";
import { callFiltersSql } from "@/lib/calls/history/call-filters-sql";
import type { CallFilters } from "@/lib/calls/history/schemas";

export interface CallListItem {
  id: string;
  createdAt: Date;
  startedAt: Date | null;
  status: CallStatus;
  direction: CallDirection;
  toNumber: string;
  /** The patient's number: the one rung on an outbound call, the caller's on an inbound one. */
  patientNumber: string;
  outcome: string | null;
  reportedOutcome: string | null;
  intent: string | null;
  sentiment: string | null;
  summaryTitle: string | null;
  summary: string | null;
  durationSeconds: number | null;
  errorMessage: string | null;
  callerName: string | null;
  contactId: string | null;
  contactName: string | null;
}

export interface CallPage {
  calls: CallListItem[];
  /** Cursor of the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/**
 * One page of the clinic's call history, newest first, by keyset on (createdAt, id) — never OFFSET, so
 * the thousandth page costs what the first does. Filters as in lib/calls/history/schemas.ts.
 */
export async function listCalls(organization: { id: string; timezone: string }, query: CallFilters & { cursor?: string; limit: number }): Promise<CallPage> {
  const cursor = query.cursor ? decodeCallCursor(query.cursor) : null;
  // A row-value comparison seeks straight to the cursor in the (organizationId, createdAt, id) index.
  const keyset = cursor ? Prisma.sql`AND (k."createdAt", k."id") < (${cursor.t}::timestamptz, ${cursor.id})` : Prisma.empty;
  const rows = await getDb().$queryRaw<CallListItem[]>`
    SELECT k."id", k."createdAt", k."startedAt", k."status", k."direction", k."toNumber",
           CASE WHEN k."direction" = 'INBOUND' THEN coalesce(k."fromNumber", k."toNumber") ELSE k."toNumber" END AS "patientNumber", k."outcome", k."reportedOutcome", k."intent",
           k."sentiment", k."summaryTitle", left(k."summary", 300) AS "summary", k."durationSeconds", k."errorMessage", k."callerName",
           k."contactId", c."name" AS "contactName"
      FROM "Call" k LEFT JOIN "Contact" c ON c."id" = k."contactId"
     WHERE ${callFiltersSql(organization.id, organization.timezone, query)} ${keyset}
     ORDER BY k."createdAt" DESC, k."id" DESC
     LIMIT ${query.limit + 1}`;
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { calls: page, nextCursor: rows.length > query.limit && last ? encodeCallCursor({ t: last.createdAt.toISOString(), id: last.id }) : null };
}
