import Link from "next/link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { CallStatusBadge } from "@/components/calls/call-status-badge";
import { OutcomeBadge, SentimentBadge, formatDuration } from "@/components/calls/call-look";
import { When } from "@/components/calls/when";
import type { ClinicZone } from "@/components/scheduling/clinic-time";
import { formatPhoneForDisplay } from "@/lib/contacts/normalize-phone";
import type { CallListItem } from "@/lib/calls/history/list-calls";

/** The call history: one row per call, the contact's name opening the call's own page. */
export function CallHistoryTable({ calls, zone, country, now }: { calls: CallListItem[]; zone: ClinicZone; country: string; now: number }) {
  return (
    <Table containerClassName="max-h-[70vh]">
      <TableHeader>
        <TableRow>
          <TableHead>When</TableHead>
          <TableHead>Contact</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Outcome</TableHead>
          <TableHead className="hidden md:table-cell">Summary</TableHead>
          <TableHead className="text-right">Duration</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {calls.map((call) => (
          <TableRow key={call.id}>
            <TableCell>
              <When at={call.createdAt} now={now} zone={zone} />
              {call.direction === "INBOUND" ? <div className="text-xs text-zinc-500">Inbound</div> : null}
            </TableCell>
            <TableCell>
              <Link href={`/calls/${call.id}`} className="font-medium text-brand-700 hover:underline">
                {call.contactName ?? call.callerName ?? (call.direction === "INBOUND" ? "Unknown caller" : "Deleted contact")}
              </Link>
              <div className="text-xs text-zinc-500 tabular-nums">{formatPhoneForDisplay(call.patientNumber, country)}</div>
            </TableCell>
            <TableCell>
              <CallStatusBadge status={call.status} />
              {call.errorMessage ? <div className="mt-1 max-w-xs text-xs text-zinc-500">{call.errorMessage}</div> : null}
            </TableCell>
            <TableCell>
              <div className="flex flex-wrap gap-1">
                <OutcomeBadge outcome={call.outcome} intent={call.intent} />
                <SentimentBadge sentiment={call.sentiment} />
              </div>
            </TableCell>
            <TableCell className="hidden max-w-md md:table-cell">
              {call.summaryTitle ? <div className="font-medium text-zinc-800">{call.summaryTitle}</div> : null}
              <p className="line-clamp-2 text-xs text-zinc-500">{call.summary ?? ""}</p>
            </TableCell>
            <TableCell className="text-right tabular-nums">{formatDuration(call.durationSeconds)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
