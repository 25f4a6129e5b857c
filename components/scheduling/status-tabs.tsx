import Link from "next/link";
import type { ScheduledCallKind, ScheduledCallStatus } from "@/lib/generated/prisma/enums";
import { STATUS_COUNT_CAP, type StatusCounts } from "@/lib/scheduling/statuses";
import { cn } from "@/components/ui/cn";
import { STATUS_LOOK, STATUS_ORDER } from "@/components/scheduling/scheduled-call-status";
import { schedulingHref } from "@/components/scheduling/scheduling-href";

/** All / Pending / … with counts. Links, not buttons: the status is in the URL, so it can be shared and Back works. */
export function StatusTabs({
  counts,
  status,
  batch,
  kind,
  contact,
}: {
  counts: StatusCounts;
  status?: ScheduledCallStatus;
  batch?: string;
  kind?: ScheduledCallKind;
  contact?: string;
}) {
  // A count past the cap means "more than": it shows "10,000+", and so does the total it goes into.
  const shown = (count: number, more: boolean) => (more ? `${Math.min(count, STATUS_COUNT_CAP).toLocaleString("en")}+` : count.toLocaleString("en"));
  const capped = STATUS_ORDER.some((s) => counts[s] > STATUS_COUNT_CAP);
  const total = STATUS_ORDER.reduce((sum, s) => sum + Math.min(counts[s], STATUS_COUNT_CAP), 0);
  const tabs: { status?: ScheduledCallStatus; label: string; count: string }[] = [
    { label: "All", count: shown(total, capped) },
    ...STATUS_ORDER.map((s) => ({ status: s, label: STATUS_LOOK[s].label, count: shown(counts[s], counts[s] > STATUS_COUNT_CAP) })),
  ];
  return (
    <nav aria-label="Filter calls by status" className="-mx-1 mb-3 overflow-x-auto">
      <ul className="flex min-w-max gap-1 border-b border-zinc-200 px-1">
        {tabs.map((tab) => {
          const active = tab.status === status;
          return (
            <li key={tab.label}>
              <Link
                href={schedulingHref({ status: tab.status, batch, kind, contact })}
                aria-current={active ? "page" : undefined}
                scroll={false}
                className={cn(
                  "-mb-px flex items-center gap-1.5 border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap",
                  active ? "border-brand-600 text-zinc-900" : "border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900",
                )}
              >
                {tab.label}
                <span className={cn("rounded-full px-1.5 text-xs tabular-nums", active ? "bg-brand-50 text-brand-700" : "bg-zinc-100 text-zinc-600")}>
                  {tab.count}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
