import Link from "next/link";
import { When } from "@/components/calls/when";
import type { ClinicZone } from "@/components/scheduling/clinic-time";
import type { FeedEntry } from "@/lib/activity/list-recent-activity";

/** Where a feed entry leads: its call's page, else its contact, else nowhere. */
function hrefOf(entry: FeedEntry): string | null {
  if (entry.callId) return `/calls/${entry.callId}`;
  if (entry.contactName) return `/contacts?q=${encodeURIComponent(entry.contactName)}`;
  return null;
}

export function ActivityFeed({ entries, zone, now }: { entries: FeedEntry[]; zone: ClinicZone; now: number }) {
  if (entries.length === 0) {
    return <p className="text-sm text-zinc-500">Nothing has happened yet. Calls placed, finished and scheduled show up here as they happen.</p>;
  }
  return (
    <ol className="divide-y divide-zinc-100" aria-label="Latest activity">
      {entries.map((entry) => {
        const href = hrefOf(entry);
        return (
          <li key={entry.id} className="flex items-baseline justify-between gap-3 py-2 text-sm">
            {href ? (
              <Link href={href} className="min-w-0 text-zinc-800 hover:text-brand-700 hover:underline">
                {entry.message}
              </Link>
            ) : (
              <span className="min-w-0 text-zinc-800">{entry.message}</span>
            )}
            <span className="shrink-0 text-xs text-zinc-500">
              <When at={entry.createdAt} now={now} zone={zone} />
            </span>
          </li>
        );
      })}
    </ol>
  );
}
