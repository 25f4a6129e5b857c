import { Activity, AlertTriangle } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { clinicExactTime, relativeTime, type ClinicZone } from "@/components/scheduling/clinic-time";

/** The cron runs the dispatcher every minute; this long without a run means calls that are due are waiting. */
const STALE_AFTER_MS = 5 * 60_000;

/** When the dispatcher (the job that places due calls) last ran, and a warning when it seems to have stopped. */
export function DispatcherStatus({ lastRunAt, now, zone, workWaiting }: { lastRunAt: Date | null; now: number; zone: ClinicZone; workWaiting: boolean }) {
  if (!lastRunAt) {
    return (
      <p className={cn("flex items-center gap-1.5 text-xs", workWaiting ? "text-amber-800" : "text-zinc-500")} data-testid="dispatcher-status">
        <AlertTriangle className="size-3.5 shrink-0" aria-hidden="true" />
        The dispatcher has not run yet{workWaiting ? ": scheduled calls wait until it does." : "."}
      </p>
    );
  }
  const stale = workWaiting && now - +lastRunAt > STALE_AFTER_MS;
  const Icon = stale ? AlertTriangle : Activity;
  return (
    <p className={cn("flex items-center gap-1.5 text-xs tabular-nums", stale ? "text-amber-800" : "text-zinc-500")} data-testid="dispatcher-status">
      <Icon className="size-3.5 shrink-0" aria-hidden="true" />
      <span>
        Dispatcher last ran{" "}
        <time dateTime={lastRunAt.toISOString()} title={clinicExactTime(lastRunAt, zone)}>
          {relativeTime(lastRunAt, now)}
        </time>
        {stale ? ". Calls that are due wait until it runs again; check the cron job." : null}
      </span>
    </p>
  );
}
