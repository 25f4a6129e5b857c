import type { Metadata } from "next";
import Link from "next/link";
import { CalendarClock } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/dashboard/page-header";
import { requireTenant } from "@/app/_lib/tenant";

export const metadata: Metadata = { title: "Scheduling" };

export default async function SchedulingPage() {
  const { organization } = await requireTenant();
  return (
    <>
      <PageHeader title="Scheduling" description={`Calls waiting to be placed, in ${organization.timezone.replaceAll("_", " ")} time.`} />
      <EmptyState icon={CalendarClock} title="Scheduling calls isn’t available yet" action={<Link href="/contacts" className={buttonVariants({ variant: "outline" })}>Go to contacts</Link>}>
        <p>
          Here you will pick contacts and schedule calls to them. Callboard spaces the calls out within your clinic’s calling hours and retries the ones that
          don’t connect. Scheduling starts from your contacts, so that is where to begin.
        </p>
        <p className="mt-3">
          <Badge>Coming soon</Badge>
        </p>
      </EmptyState>
    </>
  );
}
