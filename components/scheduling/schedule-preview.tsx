"use client";

import type { ReactNode } from "react";
import { AlertCircle, ArrowRight } from "lucide-react";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/components/ui/cn";
import { clinicDateTime, clinicDay, clinicTime, sameClinicDay, zoneName, zoneTitle, type ClinicZone } from "@/components/scheduling/clinic-time";
import type { SchedulePreview } from "@/components/scheduling/schedule-request";
import type { PreviewState } from "@/components/scheduling/use-schedule-preview";

/** Long lists are cut here; the counts stay exact. */
const LISTED = 8;

const calls = (n: number) => `${n.toLocaleString("en")} ${n === 1 ? "call" : "calls"}`;

/** The plan before anything is written: when the first and last calls go out, what moved and who is skipped. */
export function SchedulePreviewPanel({ state, zone, idleHint }: { state: PreviewState; zone: ClinicZone; idleHint?: string }) {
  if (state.status === "idle") {
    // The dialog says which field keeps it from planning (the spacing, not always the date).
    return <PreviewFrame>{idleHint ?? "Pick a date and time to see when the calls go out."}</PreviewFrame>;
  }
  if (state.status === "error") {
    return (
      <PreviewFrame>
        <span role="alert" className="flex gap-2 text-red-800">
          <AlertCircle className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
          {state.problem.detail}
        </span>
      </PreviewFrame>
    );
  }
  if (state.status === "loading" && !state.last) {
    return (
      <PreviewFrame busy>
        <span className="sr-only">Working out the times…</span>
        <Skeleton className="h-4 w-2/3" />
        <Skeleton className="mt-2 h-4 w-1/2" />
        <Skeleton className="mt-2 h-4 w-3/5" />
      </PreviewFrame>
    );
  }
  const preview = state.status === "ready" ? state.preview : state.last!;
  return (
    <PreviewFrame busy={state.status === "loading"}>
      <PlanDetails preview={preview} zone={zone} />
    </PreviewFrame>
  );
}

function PreviewFrame({ children, busy = false }: { children: ReactNode; busy?: boolean }) {
  return (
    <section
      aria-labelledby="schedule-preview-heading"
      aria-busy={busy || undefined}
      data-testid="schedule-preview"
      className="rounded-md border border-zinc-200 bg-zinc-50 px-4 py-3 text-sm"
    >
      <h3 id="schedule-preview-heading" className="mb-2 text-sm font-medium text-zinc-900">
        Preview
      </h3>
      <div className={cn("text-zinc-700 transition-opacity", busy && "opacity-60")}>{children}</div>
    </section>
  );
}

/** A sequence: who is called in which order, and when the first call goes out; the rest wait their turn. */
function SequencePlan({ preview, zone }: { preview: SchedulePreview; zone: ClinicZone }) {
  const { firstCallAt } = preview;
  const n = preview.scheduledCount;
  return (
    <>
      <p aria-live="polite" className="text-zinc-900">
        {n === 0
          ? "None of the selected contacts can be called, so nothing would be scheduled."
          : `${n.toLocaleString("en")} ${n === 1 ? "patient" : "patients"}, one at a time. The next is called only when the call before ends without a booking; the first booking stops the rest.`}
      </p>
      {firstCallAt ? (
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 tabular-nums">
          <dt className="text-zinc-500">First call</dt>
          <dd data-testid="preview-first-call">
            {clinicDateTime(firstCallAt, zone)} ({zoneName(zone, firstCallAt)})
          </dd>
        </dl>
      ) : null}
      {n > 0 ? (
        <ol className="mt-2 list-decimal space-y-0.5 pl-5 text-zinc-600" aria-label="Calling order">
          {preview.calls.slice(0, LISTED).map((call) => (
            <li key={call.contactId} className="text-zinc-900">
              {call.name}
            </li>
          ))}
        </ol>
      ) : null}
      {n > LISTED ? <p className="mt-0.5 text-xs text-zinc-500">and {(n - LISTED).toLocaleString("en")} more, in the order you ticked them</p> : null}
      <SkippedList skipped={preview.skipped} />
    </>
  );
}

function PlanDetails({ preview, zone }: { preview: SchedulePreview; zone: ClinicZone }) {
  if (preview.mode === "sequence") return <SequencePlan preview={preview} zone={zone} />;
  const { firstCallAt, lastCallAt, expectedFinishAt } = preview;
  const moved = preview.calls.filter((call) => call.requestedTime !== null);
  const oneDay = firstCallAt && lastCallAt && sameClinicDay(firstCallAt, lastCallAt, zone);
  const at = (iso: string) => (oneDay ? clinicTime(iso, zone) : clinicDateTime(iso, zone));

  return (
    <>
      <p aria-live="polite" className="text-zinc-900">
        {preview.scheduledCount === 0
          ? "None of the selected contacts can be called, so nothing would be scheduled."
          : `${calls(preview.scheduledCount)}, ${preview.staggerMinutes} ${preview.staggerMinutes === 1 ? "minute" : "minutes"} apart${oneDay ? `, on ${clinicDay(firstCallAt, zone)}` : ""}. Times in ${zoneTitle(zone.timeZone)} time (${zoneName(zone, firstCallAt!)}).`}
      </p>
      {firstCallAt && lastCallAt ? (
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 tabular-nums">
          <dt className="text-zinc-500">First call</dt>
          <dd data-testid="preview-first-call">{at(firstCallAt)}</dd>
          <dt className="text-zinc-500">Last call</dt>
          <dd data-testid="preview-last-call">{at(lastCallAt)}</dd>
          {expectedFinishAt ? (
            <>
              <dt className="text-zinc-500">Expected to finish</dt>
              <dd>about {at(expectedFinishAt)}</dd>
            </>
          ) : null}
        </dl>
      ) : null}

      {preview.movedCount > 0 ? (
        <div className="mt-3">
          <h4 className="font-medium text-amber-800">
            {calls(preview.movedCount)} moved to fit calling hours
            {preview.cappedCount > 0 ? ` (${preview.cappedCount.toLocaleString("en")} of them to keep to the call limit per patient)` : null}
          </h4>
          <ul className="mt-1 space-y-0.5 text-zinc-600">
            {moved.slice(0, LISTED).map((call) => (
              <li key={call.contactId} className="flex flex-wrap items-center gap-x-1.5 tabular-nums">
                <span className="text-zinc-900">{call.name}</span>
                <span>{clinicDateTime(call.requestedTime!, zone)}</span>
                <ArrowRight className="size-3.5" aria-label="moved to" />
                <span>{clinicDateTime(call.scheduledTime, zone)}</span>
                {call.timeZone !== zone.timeZone ? <span className="text-xs text-zinc-500">(they are in {zoneTitle(call.timeZone)})</span> : null}
              </li>
            ))}
          </ul>
          {preview.movedCount > Math.min(moved.length, LISTED) ? (
            <p className="mt-0.5 text-xs text-zinc-500">and {(preview.movedCount - Math.min(moved.length, LISTED)).toLocaleString("en")} more</p>
          ) : null}
        </div>
      ) : null}

      <SkippedList skipped={preview.skipped} />
    </>
  );
}

function SkippedList({ skipped: list }: { skipped: SchedulePreview["skipped"] }) {
  if (list.length === 0) return null;
  return (
    <div className="mt-3">
      <h4 className="font-medium text-red-800">
        {list.length.toLocaleString("en")} {list.length === 1 ? "contact" : "contacts"} skipped
      </h4>
      <ul className="mt-1 space-y-0.5 text-zinc-600">
        {list.slice(0, LISTED).map((skipped) => (
          <li key={skipped.contactId}>
            <span className="text-zinc-900">{skipped.name}</span>: {skipped.reason}
          </li>
        ))}
      </ul>
      {list.length > LISTED ? <p className="mt-0.5 text-xs text-zinc-500">and {(list.length - LISTED).toLocaleString("en")} more</p> : null}
    </div>
  );
}
