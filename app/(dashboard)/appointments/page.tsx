import type { Metadata } from "next";
import Link from "next/link";
import { CalendarCheck } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/dashboard/page-header";
import { requireTenant } from "@/app/_lib/tenant";

export const metadata: Metadata = { title: "Appointments" };

export default async function AppointmentsPage() {
  const { organization } = await requireTenant();
  return (
    <>
      <PageHeader title="Appointments" description={`Bookings and callback requests made during calls, in ${organization.timezone.replaceAll("_", " ")} time.`} />
      <EmptyState icon={CalendarCheck} title="Appointments aren’t available yet" action={<Link href="/calls" className={buttonVariants({ variant: "outline" })}>Go to calls</Link>}>
        <p>
          When a patient books an appointment or asks to be called back during a call, it will be listed here with the time in your clinic’s zone and the
          call it came from.
        </p>
        <p className="mt-3">
          <Badge>Coming soon</Badge>
        </p>
      </EmptyState>
    </>
  );
}
