import { csvLine } from "@/lib/csv/csv-cell";
import { keysetCsvStream } from "@/lib/csv/keyset-csv-stream";
import { listCalls, type CallListItem } from "@/lib/calls/history/list-calls";
import type { CallFilters } from "@/lib/calls/history/schemas";
import { getDb } from "@/lib/db";
import { recordAuditEvent, type AuditActor } from "@/lib/compliance/record-audit-event";
import { isoInZone } from "@/lib/time/iso-in-zone";

const BATCH = 1_000;

export const CALL_EXPORT_COLUMNS = [
  "created_at",
  "contact",
  "phone",
  "direction",
  "status",
  "outcome",
  "reported_outcome",
  "intent",
  "sentiment",
  "duration_seconds",
  "caller_name",
  "title",
  "summary",
  "error",
  "call_id",
] as const;

function line(call: CallListItem, timeZone: string): string {
  return csvLine([
    isoInZone(call.createdAt, timeZone),
    call.contactName,
    call.patientNumber,
    call.direction.toLowerCase(),
    call.status.toLowerCase(),
    call.outcome,
    call.reportedOutcome,
    call.intent,
    call.sentiment,
    call.durationSeconds === null ? null : String(call.durationSeconds),
    call.callerName,
    call.summaryTitle,
    call.summary,
    call.errorMessage,
    call.id,
  ]);
}

/**
 * The calls matching the current filter as a CSV stream, read by keyset 1,000 at a time as the client
 * consumes it. Every cell goes through the contacts export's formula-injection guard: summaries and
 * names are words patients said, and a summary starting with "=" must not run in a spreadsheet. Every
 * export is in the audit log with its filter, before the first row leaves. Times are on the clinic's
 * clock with their offset, as in the contacts export.
 */
export async function exportCallsCsv(
  organization: { id: string; timezone: string },
  filters: CallFilters,
  actor: AuditActor,
): Promise<ReadableStream<Uint8Array>> {
  const filter = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined));
  // Another clinic's contact id exports nothing, and the log names only this clinic's records.
  if (filters.contactId && !(await getDb().contact.findFirst({ where: { id: filters.contactId, organizationId: organization.id }, select: { id: true } }))) {
    delete filter.contactId;
  }
  await recordAuditEvent(getDb(), { organizationId: organization.id, action: "CALLS_EXPORTED", actor, targetType: "calls", data: filter });
  return keysetCsvStream(CALL_EXPORT_COLUMNS, async (cursor) => {
    const page = await listCalls(organization, { ...filters, cursor, limit: BATCH });
    return { lines: page.calls.map((call) => line(call, organization.timezone)), nextCursor: page.nextCursor };
  });
}
