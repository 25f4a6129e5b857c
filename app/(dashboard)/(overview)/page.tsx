import type { Metadata } from "next";
import Link from "next/link";
import { AlertTriangle, CalendarCheck, Gauge, PhoneCall, PhoneIncoming } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ActivityFeed } from "@/components/dashboard/activity-feed";
import { CallsPerDayChart } from "@/components/dashboard/calls-per-day-chart";
import { ClinicClock } from "@/components/dashboard/clinic-clock";
import { GettingStarted } from "@/components/dashboard/getting-started";
import { KpiCard } from "@/components/dashboard/kpi-card";
import { LiveRefresh } from "@/components/dashboard/live-refresh";
import { PageHeader } from "@/components/dashboard/page-header";
import { ScheduledNext } from "@/components/dashboard/scheduled-next";
import { clinicDay, zoneName } from "@/components/scheduling/clinic-time";
import { listRecentActivity } from "@/lib/activity/list-recent-activity";
import { callsPerDay } from "@/lib/calls/calls-per-day";
import { clinicMidnight } from "@/lib/calls/history/call-filters-sql";
import { todayKpis } from "@/lib/calls/today-kpis";
import { listNextDueCalls } from "@/lib/scheduling/list-next-due-calls";
import { requestTime, requireTenant } from "@/app/_lib/tenant";
import { ATTENTION_WINDOW_DAYS, listAttention } from "@/lib/attention/list-attention";
import { can } from "@/lib/auth/permissions";
import { NeedsAttention } from "@/components/attention/needs-attention";
import { PageOrganization } from "@/components/dashboard/page-organization";

export const metadata: Metadata = { title: "Overview" };

const NEXT_SHOWN = 5;

export default async function OverviewPage() {
  const { organization, role } = await requireTenant();
  const zone = { timeZone: organization.timezone, locale: organization.locale };
  const zoneLabel = organization.timezone.replaceAll("_", " ");
  const now = requestTime();
  const [kpis, days, feed, next, attention] = await Promise.all([
    todayKpis(organization.id, organization.timezone, new Date(now)),
    callsPerDay(organization.id, organization.timezone, new Date(now)),
    listRecentActivity(organization.id),
    // Only the next few: the status counts /scheduling shows would read every scheduled call, every 15 s.
    listNextDueCalls(organization.id, NEXT_SHOWN),
    listAttention(organization.id, new Date(now)),
  ]);
  const ofToday = (value: number) => (kpis.callsToday === 0 ? null : value);
  const chartDays = days.map((day) => ({ ...day, label: clinicDay(clinicMidnight(day.day, organization.timezone), zone) }));
  const anyCalls = days.some((day) => Object.entries(day).some(([key, value]) => key !== "day" && Number(value) > 0));

  return (
    <>
      {/* A webhook that ends a call moves the numbers and the feed without a reload. */}
      <PageOrganization id={organization.id} />
      <LiveRefresh enabled />
      <PageHeader
        title={organization.name}
        description={
          <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <span>Local time in {zoneLabel}:</span>
            <ClinicClock zone={zone} zoneName={zoneName(zone, now)} renderedAt={now} />
            <span>· updates itself every 15 seconds</span>
          </span>
        }
      />
      <section aria-labelledby="today-heading">
        <h2 id="today-heading" className="sr-only">
          Today at a glance
        </h2>
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-5" data-testid="kpis">
          <KpiCard
            label="Calls today"
            icon={PhoneCall}
            value={ofToday(kpis.callsToday)}
            detail={`${kpis.outbound.toLocaleString("en")} out · ${kpis.inbound.toLocaleString("en")} in`}
            empty="No calls yet"
            note={`Counted from midnight, ${zoneLabel} time.`}
          />
          <KpiCard label="Answered" icon={PhoneIncoming} value={ofToday(kpis.answered)} empty="No calls yet" note="Calls a patient picked up, today." />
          <KpiCard
            label="Appointments booked"
            icon={CalendarCheck}
            value={ofToday(kpis.appointmentsBooked)}
            empty="None booked yet"
            note="Calls today that ended with a booking."
          />
          <KpiCard label="Escalations" icon={AlertTriangle} value={ofToday(kpis.escalations)} empty="None today" note="Calls the agent handed to staff." />
          <KpiCard
            label="Success rate"
            icon={Gauge}
            value={kpis.successRate === null ? null : Math.round(kpis.successRate * 100)}
            unit="%"
            empty="Nobody answered yet"
            note="Answered calls that reached their goal."
          />
        </div>
      </section>

      <div className="mt-6 grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card>
          <CardHeader>
            <CardTitle>Calls per day</CardTitle>
            <CardDescription>The last 14 days by outcome, on the clinic&apos;s calendar.</CardDescription>
          </CardHeader>
          <CardContent>
            {anyCalls ? (
              <CallsPerDayChart days={chartDays} />
            ) : (
              <p className="text-sm text-zinc-500">
                No calls in the last 14 days. Place one from{" "}
                <Link href="/contacts" className="font-medium text-brand-700 hover:underline">
                  Contacts
                </Link>{" "}
                and it shows up here.
              </p>
            )}
          </CardContent>
        </Card>
        <div className="space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>Needs attention{attention.open.length > 0 ? ` (${attention.open.length})` : ""}</CardTitle>
              <CardDescription>Follow-ups for a person, from the last {ATTENTION_WINDOW_DAYS} days.</CardDescription>
            </CardHeader>
            <CardContent className="pt-2">
              <NeedsAttention open={attention.open} done={attention.done} zone={zone} now={now} canMark={can(role, "calls.schedule")} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Latest activity</CardTitle>
            </CardHeader>
            <CardContent className="pt-2">
              <ActivityFeed entries={feed} zone={zone} now={now} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Scheduled next</CardTitle>
              {kpis.scheduled > 0 ? (
                <CardDescription>
                  {kpis.scheduled.toLocaleString("en")} waiting ·{" "}
                  <Link href="/scheduling" className="font-medium text-brand-700 hover:underline">
                    See all on Scheduling
                  </Link>
                </CardDescription>
              ) : null}
            </CardHeader>
            <CardContent className="pt-2">
              <ScheduledNext calls={next} zone={zone} now={now} />
            </CardContent>
          </Card>
        </div>
      </div>
      {/* For a clinic still setting up: once calls go out, the overview is about them. */}
      {anyCalls ? null : (
        <div className="mt-6">
          <GettingStarted />
        </div>
      )}
    </>
  );
}
