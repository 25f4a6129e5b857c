import type { Metadata } from "next";
import { CalendarCheck, CalendarClock, PhoneCall, PhoneIncoming } from "lucide-react";
import { ClinicClock } from "@/components/dashboard/clinic-clock";
import { GettingStarted } from "@/components/dashboard/getting-started";
import { KpiCard } from "@/components/dashboard/kpi-card";
import { PageHeader } from "@/components/dashboard/page-header";
import { todayKpis } from "@/lib/calls/today-kpis";
import { requestTime, requireTenant } from "@/app/_lib/tenant";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const { organization } = await requireTenant();
  const zone = organization.timezone.replaceAll("_", " ");
  const kpis = await todayKpis(organization.id, organization.timezone);
  const ofToday = (value: number) => (kpis.callsToday === 0 ? null : value);
  return (
    <>
      <PageHeader
        title={organization.name}
        description={
          <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <span>Local time in {zone}:</span>
            <ClinicClock timeZone={organization.timezone} locale={organization.locale} renderedAt={requestTime()} />
          </span>
        }
      />
      <section aria-labelledby="today-heading">
        <h2 id="today-heading" className="sr-only">
          Today at a glance
        </h2>
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
          <KpiCard label="Calls today" icon={PhoneCall} value={ofToday(kpis.callsToday)} empty="No calls yet" note={`Counted from midnight, ${zone} time.`} />
          <KpiCard label="Answered" icon={PhoneIncoming} value={ofToday(kpis.answered)} empty="No calls yet" note="Calls a patient picked up, today." />
          <KpiCard label="Appointments booked" icon={CalendarCheck} value={ofToday(kpis.appointmentsBooked)} empty="None booked yet" note="Calls today that ended with a booking." />
          <KpiCard label="Scheduled" icon={CalendarClock} value={kpis.scheduled === 0 ? null : kpis.scheduled} empty="Nothing scheduled" note="Calls waiting for their turn in calling hours." />
        </div>
      </section>
      <div className="mt-6">
        <GettingStarted />
      </div>
    </>
  );
}
