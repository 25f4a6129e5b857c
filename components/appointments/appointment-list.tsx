import { Bot } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/components/ui/cn";
import { clinicExactTime, clinicTime, type ClinicZone } from "@/components/scheduling/clinic-time";
import { AppointmentActions } from "@/components/appointments/appointment-actions";
import type { AppointmentView } from "@/lib/appointments/appointment-view";
import { formatPhoneForDisplay } from "@/lib/contacts/normalize-phone";

const STATUS_LOOK = {
  SCHEDULED: { label: "Scheduled", variant: "neutral" },
  CONFIRMED: { label: "Confirmed", variant: "success" },
  CANCELLED: { label: "Cancelled", variant: "danger" },
} as const;

/** One day's appointments as a table people work in: times in tabular figures on the clinic's clock. */
export function AppointmentTable({
  appointments,
  zone,
  country,
  caption,
  canWrite,
}: {
  appointments: AppointmentView[];
  zone: ClinicZone;
  /** The clinic's country: its own numbers are shown the local way, as everywhere else. */
  country: string;
  caption: string;
  canWrite: boolean;
}) {
  return (
    <Table aria-label={caption}>
      <TableHeader className="sticky top-0 bg-white">
        <TableRow>
          <TableHead className="w-40">Time</TableHead>
          <TableHead>Patient</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Booked by</TableHead>
          {canWrite ? <TableHead className="text-right">Actions</TableHead> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {appointments.map((a) => {
          const cancelled = a.status === "CANCELLED";
          return (
            <TableRow key={a.id} data-testid="appointment-row" className={cn(cancelled && "text-zinc-500")}>
              <TableCell className="tabular-nums whitespace-nowrap">
                <time dateTime={a.startsAt} title={clinicExactTime(a.startsAt, zone)} className={cn(cancelled && "line-through")}>
                  {clinicTime(a.startsAt, zone)} – {clinicTime(a.endsAt, zone)}
                </time>
              </TableCell>
              <TableCell>
                <div className={cn("font-medium text-zinc-900", cancelled && "text-zinc-500 line-through")}>{a.attendeeName}</div>
                <div className="text-xs text-zinc-600">
                  {[a.attendeePhone && formatPhoneForDisplay(a.attendeePhone, country), a.notes].filter(Boolean).join(" · ")}
                </div>
              </TableCell>
              <TableCell>
                <Badge variant={STATUS_LOOK[a.status].variant}>{STATUS_LOOK[a.status].label}</Badge>
              </TableCell>
              <TableCell>
                {a.source === "AGENT" ? (
                  <Badge
                    variant="brand"
                    title={a.conversationId ? `Booked by the voice agent during conversation ${a.conversationId}` : "Booked by the voice agent"}
                  >
                    <Bot className="size-3.5" aria-hidden />
                    Voice agent
                  </Badge>
                ) : (
                  <span className="text-sm text-zinc-600">Staff</span>
                )}
              </TableCell>
              {canWrite ? (
                <TableCell className="text-right">
                  <AppointmentActions appointment={a} status={a.status} zone={zone} />
                </TableCell>
              ) : null}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
