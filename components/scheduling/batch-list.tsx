import Link from "next/link";
import type { listBatches } from "@/lib/scheduling/list-batches";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { BatchProgress } from "@/components/scheduling/batch-progress";
import { CancelBatchButton } from "@/components/scheduling/cancel-batch-button";
import { BatchActionButton } from "@/components/scheduling/batch-action-button";
import { batchCardActions } from "@/components/scheduling/batch-card-actions";
import { BatchResultsPanel } from "@/components/scheduling/batch-results";
import { clinicDateTime, clinicDay, clinicExactTime, clinicTimeRange, relativeTime, sameClinicDay, type ClinicZone } from "@/components/scheduling/clinic-time";
import { schedulingHref } from "@/components/scheduling/scheduling-href";
import { sequenceSummary } from "@/components/scheduling/sequence-summary";

export type BatchSummary = Awaited<ReturnType<typeof listBatches>>["batches"][number];

function when(batch: BatchSummary, zone: ClinicZone): string | null {
  const { firstCallAt, lastCallAt } = batch;
  if (!firstCallAt || !lastCallAt) return null;
  if (sameClinicDay(firstCallAt, lastCallAt, zone)) return `${clinicDay(firstCallAt, zone)}, ${clinicTimeRange(firstCallAt, lastCallAt, zone)}`;
  return clinicTimeRange(firstCallAt, lastCallAt, zone);
}

/** The latest batches, each with how far it has got and a way to stop what has not started. */
export function BatchList({
  batches,
  zone,
  now,
  selectedBatchId,
  canCancel,
}: {
  batches: BatchSummary[];
  zone: ClinicZone;
  now: number;
  selectedBatchId?: string;
  canCancel: boolean;
}) {
  return (
    <ul className="grid grid-cols-1 gap-3 lg:grid-cols-2">
      {batches.map((batch) => {
        const selected = batch.id === selectedBatchId;
        const span = when(batch, zone);
        const unreached = batch.results.failures.reduce((sum, failure) => sum + failure.count, 0);
        const { action, cancellable } = batchCardActions({ ...batch, unreached });
        const sequence = batch.sequence ? sequenceSummary(batch.sequence, batch.scheduledCount, zone) : null;
        const waitingFor = batch.sequence?.status === "RUNNING" ? batch.sequence.waitingFor : null;
        const callback = waitingFor && !waitingFor.ringing ? { name: waitingFor.name, at: clinicDateTime(waitingFor.at, zone) } : undefined;
        return (
          <li key={batch.id}>
            <Card className={cn("flex h-full flex-col gap-3 p-4", selected && "ring-2 ring-brand-500")} data-testid="batch-card">
              {/* On a phone the buttons wrap below the name rather than squeezing it to a few letters. */}
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="min-w-0 flex-1 basis-52">
                  <h3 className="truncate text-sm font-semibold text-zinc-900">
                    <Link
                      href={schedulingHref({ batch: batch.id })}
                      aria-current={selected ? "true" : undefined}
                      className="hover:text-brand-700 hover:underline hover:underline-offset-4"
                    >
                      {batch.name}
                    </Link>
                  </h3>
                  <p className="mt-0.5 text-xs text-zinc-500 tabular-nums">
                    {span ? <span title={batch.firstCallAt ? clinicExactTime(batch.firstCallAt, zone) : undefined}>{span}</span> : null}
                    {span ? " · " : null}
                    <time dateTime={batch.createdAt.toISOString()} title={clinicExactTime(batch.createdAt, zone)}>
                      scheduled {relativeTime(batch.createdAt, now)}
                    </time>
                    {batch.skippedCount > 0 ? ` · ${batch.skippedCount.toLocaleString("en")} skipped` : null}
                    {batch.movedCount > 0 ? ` · ${batch.movedCount.toLocaleString("en")} moved for calling hours or call limits` : null}
                  </p>
                </div>
                <div className="flex shrink-0 flex-wrap justify-end gap-2">
                  {canCancel && action ? <BatchActionButton batch={{ id: batch.id, name: batch.name }} action={action} callback={callback} /> : null}
                  {canCancel && cancellable > 0 ? (
                    <CancelBatchButton batch={{ id: batch.id, name: batch.name, pending: cancellable }} callback={callback} />
                  ) : null}
                </div>
              </div>
              {sequence ? (
                <p className={cn("text-sm tabular-nums", sequence.stopped ? "text-zinc-700" : "font-medium text-brand-700")} data-testid="sequence-summary">
                  <span className="mr-1.5 rounded bg-zinc-100 px-1.5 py-0.5 text-xs font-normal text-zinc-600">One at a time</span>
                  {/* The call back's exact time and zone on hover, as every scheduled time on the page. */}
                  <span title={waitingFor ? clinicExactTime(waitingFor.at, zone) : undefined}>{sequence.headline}</span>
                </p>
              ) : null}
              <BatchProgress counts={batch.counts} />
              <BatchResultsPanel results={batch.results} />
            </Card>
          </li>
        );
      })}
    </ul>
  );
}
