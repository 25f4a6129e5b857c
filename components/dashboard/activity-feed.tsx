import Link from "next/link";
import {
  Ban,
  CalendarClock,
  CalendarPlus,
  CalendarSync,
  CalendarX,
  PhoneCall,
  PhoneForwarded,
  PhoneIncoming,
  PhoneMissed,
  PhoneOff,
  PhoneOutgoing,
  RotateCw,
  type LucideIcon,
} from "lucide-react";
import { When } from "@/components/calls/when";
import type { ClinicZone } from "@/components/scheduling/clinic-time";
import { activityHref } from "@/components/dashboard/activity-href";
import type { FeedEntry } from "@/lib/activity/list-recent-activity";
import type { ActivityType } from "@/lib/generated/prisma/enums";

/** One icon per kind of entry, so a glance tells calls from what the agent booked. */
const ICONS: Record<ActivityType, LucideIcon> = {
  CALL_PLACED: PhoneOutgoing,
  CALL_COMPLETED: PhoneCall,
  CALL_FAILED: PhoneOff,
  CALL_NOT_CONNECTED: PhoneMissed,
  CALLS_SCHEDULED: CalendarClock,
  CALL_RETRY_SCHEDULED: RotateCw,
  SCHEDULED_CALL_FAILED: PhoneOff,
  CALL_RECEIVED: PhoneIncoming,
  APPOINTMENT_BOOKED: CalendarPlus,
  APPOINTMENT_MOVED: CalendarSync,
  APPOINTMENT_CANCELLED: CalendarX,
  CALLBACK_SCHEDULED: PhoneForwarded,
  CHECK_INS_SCHEDULED: CalendarClock,
  PATIENT_OPTED_OUT: Ban,
};

export function ActivityFeed({ entries, zone, now }: { entries: FeedEntry[]; zone: ClinicZone; now: number }) {
  if (entries.length === 0) {
    return (
      <p className="text-sm text-zinc-500">
        Nothing has happened yet. Calls placed, received and scheduled, and what the agent booked, show up here as they happen.
      </p>
    );
  }
  return (
    <ol className="divide-y divide-zinc-100" aria-label="Latest activity">
      {entries.map((entry) => {
        const href = activityHref(entry, zone.timeZone);
        const Icon = ICONS[entry.type] ?? PhoneCall;
        return (
          <li key={entry.id} className="flex items-baseline justify-between gap-3 py-2 text-sm">
            <span className="flex min-w-0 items-baseline gap-2">
              <Icon className="size-3.5 shrink-0 translate-y-0.5 text-zinc-500" aria-hidden="true" />
              {href ? (
                <Link href={href} className="min-w-0 text-zinc-800 hover:text-brand-700 hover:underline">
                  {entry.message}
                </Link>
              ) : (
                <span className="min-w-0 text-zinc-800">{entry.message}</span>
              )}
            </span>
            <span className="shrink-0 text-xs text-zinc-500">
              <When at={entry.createdAt} now={now} zone={zone} />
            </span>
          </li>
        );
      })}
    </ol>
  );
}
