import { TZDate } from "@date-fns/tz";
import { format, formatDistanceStrict } from "date-fns";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { CallStatusBadge } from "@/components/calls/call-status-badge";
import { formatPhoneForDisplay } from "@/lib/contacts/normalize-phone";
import type { RecentCall } from "@/lib/calls/list-recent-calls";

function duration(seconds: number | null): string {
  if (seconds === null) return "—";
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** Recent calls; times in the clinic's zone, relative with the exact time on hover. */
export function RecentCallsTable({ calls, timezone, country, now }: { calls: RecentCall[]; timezone: string; country: string; now: number }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>When</TableHead>
            <TableHead>Contact</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>Outcome</TableHead>
            <TableHead className="text-right">Duration</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {calls.map((call) => {
            const local = new TZDate(call.createdAt, timezone);
            return (
              <TableRow key={call.id}>
                <TableCell className="whitespace-nowrap tabular-nums">
                  <time dateTime={call.createdAt.toISOString()} title={`${format(local, "d MMM yyyy, h:mm:ss a")} (${timezone})`}>
                    {formatDistanceStrict(call.createdAt, now, { addSuffix: true })}
                  </time>
                </TableCell>
                <TableCell>
                  <div className="font-medium text-zinc-900">{call.contact?.name ?? "Deleted contact"}</div>
                  <div className="text-xs text-zinc-500 tabular-nums">{formatPhoneForDisplay(call.toNumber, country)}</div>
                </TableCell>
                <TableCell>
                  <CallStatusBadge status={call.status} />
                  {call.errorMessage ? <div className="mt-1 max-w-xs text-xs text-zinc-500">{call.errorMessage}</div> : null}
                </TableCell>
                <TableCell className="text-zinc-700">{call.outcome ? call.outcome.replaceAll("_", " ") : "—"}</TableCell>
                <TableCell className="text-right tabular-nums">{duration(call.durationSeconds)}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
