import type { ScheduledCallView } from "@/lib/scheduling/scheduled-call-view";
import { formatPhoneForDisplay } from "@/lib/contacts/normalize-phone";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { clinicDateTime, clinicExactTime, relativeTime, zoneName, type ClinicZone } from "@/components/scheduling/clinic-time";
import { ScheduledCallStatusBadge } from "@/components/scheduling/scheduled-call-status";
import { ScheduledCallActions } from "@/components/scheduling/scheduled-call-actions";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { callbackOriginWords } from "@/components/callbacks/callback-words";
import { nextAttemptWords, shownCallTime } from "@/components/scheduling/shown-call-time";
import type { ScheduledCallOrder } from "@/lib/scheduling/scheduled-call-cursor";

function ClinicTime({ at, zone }: { at: Date; zone: ClinicZone }) {
  return (
    <time dateTime={at.toISOString()} title={clinicExactTime(at, zone)}>
      {clinicDateTime(at, zone)}
    </time>
  );
}

/** A call back or check-in says so, with who asked, the note, and the call it follows up. */
function PurposeLine({ call }: { call: ScheduledCallView }) {
  if (call.kind === "CALL") return null;
  return (
    <div className="mt-1 max-w-72 space-y-0.5 text-xs" data-testid="scheduled-call-purpose">
      <div className="flex flex-wrap items-center gap-1.5">
        <Badge variant={call.kind === "CALLBACK" ? "brand" : "neutral"}>
          {call.kind === "CALLBACK" ? "Call back" : `Check-in${call.checkInOccurrence ? ` #${call.checkInOccurrence}` : ""}`}
        </Badge>
        {call.toConfirm ? <Badge variant="warning">To confirm</Badge> : null}
        {call.kind === "CALLBACK" ? <span className="text-zinc-500">{callbackOriginWords(call.callbackOrigin)}</span> : null}
      </div>
      {call.note ? (
        <div className="line-clamp-2 text-zinc-600" title={call.note}>
          {call.note}
        </div>
      ) : null}
      {call.sourceCallId ? (
        <Link href={`/calls/${call.sourceCallId}`} className="font-medium text-brand-700 hover:underline">
          The call it follows up
        </Link>
      ) : null}
    </div>
  );
}

/** One row per scheduled call: when in clinic time, how many tries, what went wrong, and what can still be done. */
export function ScheduledCallsTable({
  calls,
  zone,
  country,
  now,
  canChange,
  order,
}: {
  calls: ScheduledCallView[];
  zone: ClinicZone;
  country: string;
  now: number;
  canChange: boolean;
  /** The order the list was read in (lib/scheduling/list-scheduled-calls.ts listOrder): which time each row shows. */
  order: ScheduledCallOrder;
}) {
  return (
    <Table
      containerClassName="max-h-[calc(100dvh-16rem)]"
      containerProps={{ tabIndex: 0, role: "region", "aria-label": "Scheduled calls (scrolls)" }}
      aria-label="Scheduled calls"
    >
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>Contact</TableHead>
          <TableHead className="whitespace-nowrap">
            {order === "due" ? "Due" : "Scheduled for"} ({zoneName(zone, now)})
          </TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Attempts</TableHead>
          <TableHead className="whitespace-nowrap">Next attempt</TableHead>
          <TableHead className="whitespace-nowrap">Last error</TableHead>
          <TableHead className="text-right">
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {calls.map((call) => {
          const name = call.contact?.name ?? "Deleted contact";
          // The time the list is sorted by: when each is next due on the Pending tab, else the scheduled time.
          const shown = shownCallTime(call, order);
          return (
            <TableRow key={call.id} data-testid="scheduled-call-row">
              <TableCell>
                <div className="font-medium text-zinc-900">{name}</div>
                {call.contact ? (
                  <div className="text-xs whitespace-nowrap text-zinc-500 tabular-nums">{formatPhoneForDisplay(call.contact.phoneNumber, country)}</div>
                ) : null}
                <PurposeLine call={call} />
              </TableCell>
              <TableCell className="whitespace-nowrap tabular-nums">
                {call.status === "WAITING" ? (
                  <span className="text-zinc-600">After step {(call.sequenceIndex ?? 1) - 1}, if nobody has booked</span>
                ) : (
                  <ClinicTime at={shown.at} zone={zone} />
                )}
                {shown.beside ? (
                  <div className="text-xs text-zinc-500" title={clinicExactTime(shown.beside.at, zone)}>
                    {shown.beside.words} {clinicDateTime(shown.beside.at, zone)}
                  </div>
                ) : null}
                {call.requestedTime ? (
                  <div
                    className="text-xs text-amber-800"
                    title={`Asked for ${clinicExactTime(call.requestedTime, zone)}; moved to the first time the call may be made`}
                  >
                    moved from {clinicDateTime(call.requestedTime, zone)}
                  </div>
                ) : null}
              </TableCell>
              <TableCell>
                <ScheduledCallStatusBadge status={call.status} />
              </TableCell>
              <TableCell className="whitespace-nowrap tabular-nums">
                {call.attempts} of {call.maxAttempts}
              </TableCell>
              <TableCell className="whitespace-nowrap tabular-nums">
                {call.status === "PENDING" ? (
                  <time dateTime={call.dueAt.toISOString()} title={clinicExactTime(call.dueAt, zone)}>
                    {[nextAttemptWords(call.waitingFor), relativeTime(call.dueAt, now)].filter(Boolean).join(" ")}
                  </time>
                ) : (
                  <span className="text-zinc-500">—</span>
                )}
              </TableCell>
              <TableCell className="max-w-64 text-zinc-600">
                {call.errorMessage ? (
                  <div className="line-clamp-2 text-xs" title={call.errorMessage}>
                    {call.errorMessage}
                  </div>
                ) : (
                  <span className="text-zinc-500">—</span>
                )}
              </TableCell>
              <TableCell className="whitespace-nowrap text-right">
                {canChange && call.status === "PENDING" ? (
                  <ScheduledCallActions call={{ id: call.id, name, scheduledTime: call.scheduledTime.toISOString(), toConfirm: call.toConfirm }} zone={zone} />
                ) : null}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
