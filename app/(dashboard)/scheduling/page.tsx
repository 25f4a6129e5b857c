import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CalendarClock, ChevronRight, ListFilter } from "lucide-react";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { listBatches } from "@/lib/scheduling/list-batches";
import { listOrder, listScheduledCalls } from "@/lib/scheduling/list-scheduled-calls";
import { listSequenceSteps } from "@/lib/scheduling/list-sequence-steps";
import { SequenceStepsPanel } from "@/components/scheduling/sequence-steps";
import { listScheduledCallsQuerySchema } from "@/lib/scheduling/schemas";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/dashboard/page-header";
import { BatchList } from "@/components/scheduling/batch-list";
import { zoneName, zoneTitle } from "@/components/scheduling/clinic-time";
import { DispatcherStatus } from "@/components/scheduling/dispatcher-status";
import { LiveRefresh } from "@/components/dashboard/live-refresh";
import { ScheduledCallsTable } from "@/components/scheduling/scheduled-calls-table";
import { STATUS_LOOK } from "@/components/scheduling/scheduled-call-status";
import { schedulingHref } from "@/components/scheduling/scheduling-href";
import { StatusTabs } from "@/components/scheduling/status-tabs";
import { KindFilter } from "@/components/scheduling/kind-filter";
import { CheckInPlans } from "@/components/check-ins/check-in-plans";
import { listCheckIns } from "@/lib/check-ins/list-check-ins";
import { KIND_WORDS } from "@/components/callbacks/callback-words";
import { requestTime, requireTenant } from "@/app/_lib/tenant";
import { readDispatcherHeartbeat } from "@/lib/dispatch/read-heartbeat";
import { PageOrganization } from "@/components/dashboard/page-organization";

export const metadata: Metadata = { title: "Scheduling" };

const BATCHES_SHOWN = 4;
const CALLS_PER_PAGE = 50;
const CHECK_INS_SHOWN = 10;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SchedulingPage({ searchParams }: { searchParams: SearchParams }) {
  const { organization, role } = await requireTenant();
  const params = await searchParams;
  const parsed = listScheduledCallsQuerySchema.safeParse({
    status: first(params.status) || undefined,
    batchId: first(params.batch) || undefined,
    kind: first(params.kind) || undefined,
    contactId: first(params.contact) || undefined,
    cursor: first(params.cursor) || undefined,
    limit: CALLS_PER_PAGE,
  });
  // An unknown status or a mangled link shows everything rather than an error page.
  const query = parsed.success ? parsed.data : listScheduledCallsQuerySchema.parse({ limit: CALLS_PER_PAGE });
  const batchesCursor = first(params.batches) || undefined;
  const view = { status: query.status, batch: query.batchId, kind: query.kind, contact: query.contactId };

  let batches;
  let calls;
  let lastRunAt;
  let sequence;
  let checkIns;
  try {
    [batches, calls, lastRunAt, sequence, checkIns] = await Promise.all([
      listBatches(organization.id, { limit: BATCHES_SHOWN, cursor: batchesCursor }),
      listScheduledCalls(organization.id, query),
      readDispatcherHeartbeat(),
      query.batchId ? listSequenceSteps(organization.id, query.batchId) : null,
      // The check-ins filter shows the plans too: how far each series has got.
      query.kind === "CHECK_IN" ? listCheckIns(organization.id, { contactId: query.contactId, limit: CHECK_INS_SHOWN }) : { checkIns: [] },
    ]);
  } catch (error) {
    // A stale or edited cursor: the same view from its first page.
    if (error instanceof AppError && error.code === "bad_request" && (query.cursor || batchesCursor)) redirect(schedulingHref(view));
    throw error;
  }

  const now = requestTime();
  const zone = { timeZone: organization.timezone, locale: organization.locale };
  const canChange = can(role, "calls.schedule");
  const workWaiting =
    calls.counts.PENDING + calls.counts.WAITING + calls.counts.IN_PROGRESS > 0 ||
    batches.batches.some((batch) => batch.counts.PENDING + batch.counts.WAITING + batch.counts.IN_PROGRESS > 0);
  const nothingYet =
    batches.batches.length === 0 &&
    !batchesCursor &&
    Object.values(calls.counts).every((count) => count === 0) &&
    !query.batchId &&
    !query.kind &&
    !query.contactId;
  const filteredBatch = query.batchId ? batches.batches.find((batch) => batch.id === query.batchId) : undefined;

  return (
    <>
      <PageOrganization id={organization.id} />
      <LiveRefresh enabled={workWaiting} />
      <PageHeader
        title="Scheduling"
        description={
          <div className="space-y-1">
            <p>
              Calls waiting for their turn and those already placed. Times in {zoneTitle(organization.timezone)} time ({zoneName(zone, now)}).
              {workWaiting ? " This page updates itself while calls are waiting." : null}
            </p>
            <DispatcherStatus lastRunAt={lastRunAt} now={now} zone={zone} workWaiting={workWaiting} />
          </div>
        }
        actions={
          <Link href="/contacts" className={buttonVariants({ variant: "outline" })}>
            Schedule more from Contacts
          </Link>
        }
      />

      {nothingYet ? (
        <EmptyState
          icon={CalendarClock}
          title="No calls scheduled yet"
          action={
            <Link href="/contacts" className={buttonVariants()}>
              Go to contacts
            </Link>
          }
        >
          <p>
            On Contacts, tick the patients to call (or select everyone matching a search), then press Schedule Calls and pick a time. Callboard spaces the calls
            out inside your calling hours and they show up here, with their progress.
          </p>
        </EmptyState>
      ) : (
        <div className="space-y-8">
          <section aria-labelledby="batches-heading">
            <div className="mb-3 flex items-baseline justify-between gap-3">
              <h2 id="batches-heading" className="text-sm font-semibold text-zinc-900">
                {batchesCursor ? "Older batches" : "Latest batches"}
              </h2>
              <div className="flex gap-4 text-sm">
                {batchesCursor ? (
                  <Link href={schedulingHref({ ...view, cursor: query.cursor })} className="font-medium text-brand-700 hover:underline">
                    Latest batches
                  </Link>
                ) : null}
                {batches.nextCursor ? (
                  <Link
                    href={schedulingHref({ ...view, cursor: query.cursor, batches: batches.nextCursor })}
                    className="inline-flex items-center gap-0.5 font-medium text-brand-700 hover:underline"
                  >
                    Older batches
                    <ChevronRight className="size-4" aria-hidden="true" />
                  </Link>
                ) : null}
              </div>
            </div>
            {batches.batches.length > 0 ? (
              <BatchList batches={batches.batches} zone={zone} now={now} selectedBatchId={query.batchId} canCancel={canChange} />
            ) : (
              <p className="text-sm text-zinc-500">No batches here.</p>
            )}
          </section>

          {sequence ? <SequenceStepsPanel sequence={sequence} zone={zone} now={now} /> : null}

          <section aria-labelledby="calls-heading">
            <div className="mb-2 flex flex-wrap items-baseline justify-between gap-3">
              <h2 id="calls-heading" className="text-sm font-semibold text-zinc-900">
                Calls
              </h2>
              {query.batchId ? (
                <p className="flex items-center gap-2 text-sm text-zinc-600" data-testid="batch-filter">
                  <ListFilter className="size-4" aria-hidden="true" />
                  <span>Only {filteredBatch ? `“${filteredBatch.name}”` : "one batch"}</span>
                  <Link href={schedulingHref({ status: query.status })} className="font-medium text-brand-700 hover:underline">
                    Show all calls
                  </Link>
                </p>
              ) : null}
            </div>
            {query.contactId ? (
              <p className="mb-2 flex items-center gap-2 text-sm text-zinc-600" data-testid="contact-filter">
                <ListFilter className="size-4" aria-hidden="true" />
                <span>Only {calls.scheduledCalls[0]?.contact?.name ?? "one contact"}</span>
                <Link href={schedulingHref({ status: query.status, kind: query.kind })} className="font-medium text-brand-700 hover:underline">
                  Everyone
                </Link>
              </p>
            ) : null}
            <KindFilter kind={query.kind} status={query.status} batch={query.batchId} contact={query.contactId} />
            <CheckInPlans checkIns={checkIns.checkIns} zone={zone} canChange={canChange} />
            <StatusTabs counts={calls.counts} status={query.status} batch={query.batchId} kind={query.kind} contact={query.contactId} />
            {calls.scheduledCalls.length === 0 ? (
              <div className="rounded-lg border border-dashed border-zinc-300 bg-white px-6 py-10 text-center text-sm text-zinc-600">
                {query.cursor
                  ? "No more calls."
                  : `No ${query.status ? STATUS_LOOK[query.status].label.toLowerCase() + " " : ""}${query.kind ? KIND_WORDS[query.kind].toLowerCase() : "calls"}${query.batchId ? " in this batch" : ""}.`}{" "}
                <Link href={schedulingHref({ batch: query.status ? query.batchId : undefined })} className="font-medium text-brand-700 hover:underline">
                  {query.status ? "Show every status" : "Show all calls"}
                </Link>
              </div>
            ) : (
              <ScheduledCallsTable
                calls={calls.scheduledCalls}
                zone={zone}
                country={organization.defaultCountry}
                now={now}
                canChange={canChange}
                order={listOrder(query.status)}
              />
            )}
            {query.cursor || calls.nextCursor ? (
              <nav aria-label="Pages of calls" className="mt-3 flex justify-end gap-2">
                {query.cursor ? (
                  <Link href={schedulingHref({ ...view, batches: batchesCursor })} className={buttonVariants({ variant: "outline", size: "sm" })}>
                    First page
                  </Link>
                ) : null}
                {calls.nextCursor ? (
                  <Link
                    href={schedulingHref({ ...view, cursor: calls.nextCursor, batches: batchesCursor })}
                    className={buttonVariants({ variant: "outline", size: "sm" })}
                  >
                    Next page
                    <ChevronRight aria-hidden="true" />
                  </Link>
                ) : null}
              </nav>
            ) : null}
          </section>
        </div>
      )}
    </>
  );
}
