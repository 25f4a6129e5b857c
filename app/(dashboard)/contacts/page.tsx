import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { hasCallHistory } from "@/lib/contacts/has-call-history";
import { listContactsWithTotal } from "@/lib/contacts/list-contacts-with-total";
import { getCallingRules } from "@/lib/organizations/update-calling-rules";
import { CONTACT_PAGE_SIZE_DEFAULT, listContactsQuerySchema } from "@/lib/contacts/schemas";
import { ContactsScreen } from "@/components/contacts/contacts-screen";
import { lastCallUnderWay, toContactRow } from "@/components/contacts/to-contact-row";
import { LiveRefresh } from "@/components/dashboard/live-refresh";
import { describeCallingHours } from "@/components/scheduling/calling-hours";
import { requireTenant } from "@/app/_lib/tenant";
import { conversationLanguage } from "@/lib/calls/dynamic-variables";
import { loadDialLines } from "@/app/_lib/dial-lines";
import { DialLinesProvider } from "@/components/calls/dial-lines";
import { PageOrganization } from "@/components/dashboard/page-organization";

export const metadata: Metadata = { title: "Contacts" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function ContactsPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await requireTenant();
  const params = await searchParams;
  const parsed = listContactsQuerySchema.safeParse({
    q: first(params.q) || undefined,
    sort: first(params.sort) || undefined,
    cursor: first(params.cursor) || undefined,
  });
  const query = parsed.success ? parsed.data : listContactsQuerySchema.parse({});
  const pageNumber = Math.max(1, Math.floor(Number(first(params.page)) || 1));

  const canSchedule = can(ctx.role, "calls.schedule");
  let page;
  let showLastCall;
  let lines;
  let rules;
  try {
    [page, showLastCall, lines, rules] = await Promise.all([
      listContactsWithTotal(ctx.organization.id, { q: query.q, sort: query.sort, limit: CONTACT_PAGE_SIZE_DEFAULT, cursor: query.cursor }),
      hasCallHistory(ctx.organization.id),
      // The call and schedule dialogs offer the clinic's own agents and numbers, without a round trip.
      loadDialLines(ctx.organization),
      canSchedule ? getCallingRules(ctx.organization.id) : null,
    ]);
  } catch (error) {
    // A stale or edited cursor: start the same search again from its first page.
    if (error instanceof AppError && error.code === "bad_request" && query.cursor) {
      const restart = new URLSearchParams({ ...(query.q ? { q: query.q } : {}), ...(query.sort !== "name" ? { sort: query.sort } : {}) });
      redirect(`/contacts${restart.size ? `?${restart}` : ""}`);
    }
    throw error;
  }

  return (
    <DialLinesProvider lines={lines}>
      <PageOrganization id={ctx.organization.id} />
      <LiveRefresh enabled={page.contacts.some(lastCallUnderWay)} />
      <ContactsScreen
        key={ctx.organization.id}
        organization={{
          id: ctx.organization.id,
          name: ctx.organization.name,
          defaultCountry: ctx.organization.defaultCountry,
          timezone: ctx.organization.timezone,
          locale: ctx.organization.locale,
          language: conversationLanguage(ctx.organization),
        }}
        rows={page.contacts.map((contact) => toContactRow(contact, ctx.organization))}
        total={page.total}
        totalCapped={page.totalCapped}
        showLastCall={showLastCall}
        q={query.q ?? ""}
        sort={query.sort}
        pageNumber={query.cursor ? pageNumber : 1}
        pageSize={CONTACT_PAGE_SIZE_DEFAULT}
        nextCursor={page.nextCursor}
        prevCursor={page.prevCursor}
        permissions={{ write: can(ctx.role, "contacts.write"), import: can(ctx.role, "contacts.import") }}
        scheduling={rules ? { lines, staggerMinutes: rules.staggerMinutes, callingHours: describeCallingHours(rules) } : null}
      />
    </DialLinesProvider>
  );
}
