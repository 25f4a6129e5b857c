import type { Metadata } from "next";
import Link from "next/link";
import { PhoneCall } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/dashboard/page-header";
import { RecentCallsTable } from "@/components/calls/recent-calls-table";
import { listRecentCalls, RECENT_CALLS_LIMIT } from "@/lib/calls/list-recent-calls";
import { requestTime, requireTenant } from "@/app/_lib/tenant";

export const metadata: Metadata = { title: "Calls" };

export default async function CallsPage() {
  const { organization } = await requireTenant();
  const calls = await listRecentCalls(organization.id);
  return (
    <>
      <PageHeader
        title="Calls"
        description={`The latest ${RECENT_CALLS_LIMIT} calls the voice agent placed for ${organization.name}. Times in ${organization.timezone}.`}
      />
      {calls.length === 0 ? (
        <EmptyState icon={PhoneCall} title="No calls yet" action={<Link href="/contacts" className={buttonVariants({ variant: "outline" })}>Go to contacts</Link>}>
          <p>Press the green Call button next to a contact to place a call now. Each call appears here with its status, outcome and duration.</p>
        </EmptyState>
      ) : (
        <RecentCallsTable calls={calls} timezone={organization.timezone} country={organization.defaultCountry} now={requestTime()} />
      )}
    </>
  );
}
