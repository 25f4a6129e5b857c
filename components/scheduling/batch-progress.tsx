import type { StatusCounts } from "@/lib/scheduling/statuses";
import { cn } from "@/components/ui/cn";
import { STATUS_LOOK, STATUS_ORDER } from "@/components/scheduling/scheduled-call-status";

/** How far a batch has got: one bar segment per status, with the counts written out beside it. */
export function BatchProgress({ counts }: { counts: StatusCounts }) {
  const total = STATUS_ORDER.reduce((sum, status) => sum + counts[status], 0);
  // Finished work first, from the left, so the bar fills up as the batch runs.
  const segments = (["COMPLETED", "FAILED", "CANCELLED", "IN_PROGRESS", "PENDING", "PAUSED", "WAITING"] as const).filter((status) => counts[status] > 0);
  return (
    <div>
      <div className="flex h-2 w-full overflow-hidden rounded-full bg-zinc-100" aria-hidden="true">
        {total > 0
          ? segments.map((status) => (
              <div key={status} className={cn("h-full", STATUS_LOOK[status].bar)} style={{ width: `${(counts[status] / total) * 100}%` }} />
            ))
          : null}
      </div>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-600 tabular-nums" aria-label="Calls by status">
        {STATUS_ORDER.map((status) => (
          <li key={status} className={cn("flex items-center gap-1.5", counts[status] === 0 && "text-zinc-500")}>
            <span className={cn("size-2 rounded-full", STATUS_LOOK[status].bar)} aria-hidden="true" />
            {counts[status].toLocaleString("en")} {STATUS_LOOK[status].label.toLowerCase()}
          </li>
        ))}
      </ul>
    </div>
  );
}
