import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ChevronRight, PhoneCall, SearchX } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/dashboard/page-header";
import { LiveRefresh } from "@/components/dashboard/live-refresh";
import { CallFiltersForm } from "@/components/calls/call-filters-form";
import { CallHistoryTable } from "@/components/calls/call-history-table";
import { callsHref, type CallsView } from "@/components/calls/calls-href";
import { zoneName, zoneTitle } from "@/components/scheduling/clinic-time";
import { getContact } from "@/lib/contacts/get-contact";
import { AppError } from "@/lib/errors";
import { listCalls } from "@/lib/calls/history/list-calls";
import { listCallsQuerySchema } from "@/lib/calls/history/schemas";
import { requestTime, requireTenant } from "@/app/_lib/tenant";
import { PageOrganization } from "@/components/dashboard/page-organization";

export const metadata: Metadata = { title: "Calls" };

const CALLS_PER_PAGE = 50;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function CallsPage({ searchParams }: { searchParams: SearchParams }) {
  const { organization } = await requireTenant();
  const params = await searchParams;
  const view: CallsView = Object.fromEntries(
    (["from", "to", "outcome", "status", "direction", "contactId", "q", "cursor"] as const).map((key) => [key, first(params[key]) || undefined]),
  );
  const now = requestTime();
  const zone = { timeZone: organization.timezone, locale: organization.locale };
  const parsed = listCallsQuerySchema.safeParse({ ...view, limit: CALLS_PER_PAGE });
  const filtered = Object.entries(view).some(([key, value]) => key !== "cursor" && value);

  let page = null;
  if (parsed.success) {
    try {
      page = await listCalls(organization, parsed.data);
    } catch (error) {
      // A stale or edited cursor: the same filter from its first page.
      if (error instanceof AppError && error.code === "bad_request" && view.cursor) redirect(callsHref({ ...view, cursor: undefined }));
      throw error;
    }
  }
  // Another clinic's contact id names nobody (and its calls were filtered out by the tenant anyway).
  const contactName = view.contactId
    ? await getContact(organization.id, view.contactId).then(
        (contact) => contact.name,
        () => null,
      )
    : null;

  return (
    <>
      {/* A call that ends shows up without a reload; only the first page moves, so deeper pages hold still. */}
      <PageOrganization id={organization.id} />
      <LiveRefresh enabled={!view.cursor} />
      <PageHeader
        title="Calls"
        description={`Every call the voice agent made for ${organization.name}, newest first. Times in ${zoneTitle(organization.timezone)} time (${zoneName(zone, now)}).`}
      />
      <CallFiltersForm organizationId={organization.id} values={view} contactName={contactName} zoneLabel={zoneName(zone, now)} />
      {!parsed.success ? (
        <EmptyState
          icon={SearchX}
          title="These filters cannot be used"
          action={
            <Link href="/calls" className={buttonVariants({ variant: "outline" })}>
              Clear filters
            </Link>
          }
        >
          <ul className="space-y-1">
            {parsed.error.issues.map((issue) => (
              <li key={`${issue.path.join(".")}-${issue.message}`}>{issue.message}.</li>
            ))}
          </ul>
          <p className="mt-2">Correct them above, or clear the filters to see every call.</p>
        </EmptyState>
      ) : page && page.calls.length === 0 ? (
        filtered || view.cursor ? (
          <EmptyState
            icon={SearchX}
            title="No calls match"
            action={
              <Link href="/calls" className={buttonVariants({ variant: "outline" })}>
                Clear filters
              </Link>
            }
          >
            <p>Try a wider date range, another outcome, or fewer words in the search.</p>
          </EmptyState>
        ) : (
          <EmptyState
            icon={PhoneCall}
            title="No calls yet"
            action={
              <Link href="/contacts" className={buttonVariants({ variant: "outline" })}>
                Go to contacts
              </Link>
            }
          >
            <p>
              Press the green Call button next to a contact to place a call now, or schedule calls for many contacts. Each call appears here with its outcome,
              summary and transcript.
            </p>
          </EmptyState>
        )
      ) : page ? (
        <>
          <CallHistoryTable calls={page.calls} zone={zone} country={organization.defaultCountry} now={now} />
          {view.cursor || page.nextCursor ? (
            <nav aria-label="Pages of calls" className="mt-3 flex justify-end gap-2">
              {view.cursor ? (
                <Link href={callsHref({ ...view, cursor: undefined })} className={buttonVariants({ variant: "outline", size: "sm" })}>
                  Newest calls
                </Link>
              ) : null}
              {page.nextCursor ? (
                <Link href={callsHref({ ...view, cursor: page.nextCursor })} className={buttonVariants({ variant: "outline", size: "sm" })}>
                  Older calls
                  <ChevronRight aria-hidden="true" />
                </Link>
              ) : null}
            </nav>
          ) : null}
        </>
      ) : null}
    </>
  );
}
