import type { Metadata } from "next";
import Link from "next/link";
import { CalendarCheck, ChevronLeft, ChevronRight } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { cn } from "@/components/ui/cn";
import { PageHeader } from "@/components/dashboard/page-header";
import { LiveRefresh } from "@/components/dashboard/live-refresh";
import { zoneName, zoneTitle } from "@/components/scheduling/clinic-time";
import { AppointmentTable } from "@/components/appointments/appointment-list";
import { NewAppointmentButton } from "@/components/appointments/new-appointment-button";
import { appointmentsHref, type AppointmentsView } from "@/components/appointments/appointments-href";
import { can } from "@/lib/auth/permissions";
import { listAppointments } from "@/lib/appointments/list-appointments";
import { loadBookingRules } from "@/lib/appointments/load-booking-rules";
import { addDaysToDate, isoWeekdayOf, localDateAndMinute, openingFor, parseIsoDate, zonedInstant } from "@/lib/appointments/opening-hours";
import { spokenDay } from "@/lib/appointments/spoken-time";
import { minuteToClock } from "@/lib/scheduling/calling-window";
import { requestTime, requireTenant } from "@/app/_lib/tenant";
import { PageOrganization } from "@/components/dashboard/page-organization";

export const metadata: Metadata = { title: "Appointments" };

/** The Monday of a local date's week. */
const mondayOf = (date: string) => addDaysToDate(date, 1 - isoWeekdayOf(date));

export default async function AppointmentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { organization, role } = await requireTenant();
  const search = await searchParams;
  const zone = { timeZone: organization.timezone, locale: organization.locale };
  const today = localDateAndMinute(requestTime(), zone.timeZone).date;
  // A bad date or view in the URL shows today's day view rather than an error page.
  const view: AppointmentsView = search.view === "week" ? "week" : "day";
  const date = typeof search.date === "string" && parseIsoDate(search.date) ? search.date : today;
  const first = view === "week" ? mondayOf(date) : date;
  const days = Array.from({ length: view === "week" ? 7 : 1 }, (_, i) => addDaysToDate(first, i));
  const from = zonedInstant(zone.timeZone, first, 0)!;
  const to = zonedInstant(zone.timeZone, addDaysToDate(first, days.length), 0)!;
  const [appointments, rules] = await Promise.all([
    listAppointments(organization.id, { from: new Date(from), to: new Date(to) }),
    loadBookingRules(organization.id),
  ]);
  const canWrite = can(role, "appointments.write");
  const step = view === "week" ? 7 : 1;
  const dayTitle = (day: string) => spokenDay(zonedInstant(zone.timeZone, day, 720)!, zone.timeZone);
  const hoursOf = (day: string) => {
    const hours = openingFor(rules.openingHours, isoWeekdayOf(day));
    return hours ? `Open ${minuteToClock(hours.start)}–${minuteToClock(hours.end)}` : "Closed";
  };

  return (
    <>
      <PageOrganization id={organization.id} />
      <LiveRefresh enabled />
      <PageHeader
        title="Appointments"
        description={`Booked by staff and by the voice agent during calls. Times are ${zoneTitle(zone.timeZone)} (${zoneName(zone, from)}), the clinic's zone.`}
        actions={canWrite ? <NewAppointmentButton zone={zone} date={date < today ? today : date} /> : null}
      />
      <div className="mb-4 flex flex-wrap items-center gap-2">
        <nav aria-label="View" className="flex rounded-md border border-zinc-200 bg-white p-0.5">
          {(["day", "week"] as const).map((v) => (
            <Link
              key={v}
              href={appointmentsHref({ view: v, date })}
              aria-current={v === view ? "page" : undefined}
              className={cn("rounded px-3 py-1 text-sm font-medium", v === view ? "bg-zinc-900 text-white" : "text-zinc-700 hover:bg-zinc-100")}
            >
              {v === "day" ? "Day" : "Week"}
            </Link>
          ))}
        </nav>
        <nav aria-label={view === "week" ? "Weeks" : "Days"} className="flex items-center gap-1">
          <Link
            href={appointmentsHref({ view, date: addDaysToDate(date, -step) })}
            className={buttonVariants({ variant: "outline", size: "sm" })}
            aria-label={view === "week" ? "Previous week" : "Previous day"}
          >
            <ChevronLeft className="size-4" aria-hidden />
          </Link>
          <Link href={appointmentsHref({ view, date: today })} className={buttonVariants({ variant: "outline", size: "sm" })}>
            Today
          </Link>
          <Link
            href={appointmentsHref({ view, date: addDaysToDate(date, step) })}
            className={buttonVariants({ variant: "outline", size: "sm" })}
            aria-label={view === "week" ? "Next week" : "Next day"}
          >
            <ChevronRight className="size-4" aria-hidden />
          </Link>
        </nav>
        <h2 className="ml-1 text-sm font-semibold text-zinc-900">{view === "week" ? `Week of ${dayTitle(first)}` : dayTitle(date)}</h2>
      </div>

      <div className="space-y-6">
        {days.map((day) => {
          const dayFrom = zonedInstant(zone.timeZone, day, 0)!;
          const dayTo = zonedInstant(zone.timeZone, addDaysToDate(day, 1), 0)!;
          const items = appointments.filter((a) => Date.parse(a.startsAt) >= dayFrom && Date.parse(a.startsAt) < dayTo);
          if (view === "week" && items.length === 0) {
            return (
              <section key={day} aria-label={dayTitle(day)} className="flex items-baseline justify-between border-b border-zinc-100 pb-2 text-sm">
                <h3 className="font-medium text-zinc-800">{dayTitle(day)}</h3>
                <span className="text-zinc-500">{hoursOf(day)} · no appointments</span>
              </section>
            );
          }
          return (
            <section key={day} aria-label={dayTitle(day)}>
              <div className="mb-2 flex items-baseline justify-between text-sm">
                <h3 className="font-medium text-zinc-800">{view === "week" ? dayTitle(day) : "Schedule"}</h3>
                <span className="text-zinc-600">
                  {hoursOf(day)} · {items.filter((a) => a.status !== "CANCELLED").length} booked
                </span>
              </div>
              {items.length === 0 ? (
                <EmptyState icon={CalendarCheck} title="No appointments on this day">
                  <p>
                    {canWrite
                      ? "Book one with New appointment, or let the voice agent book them during calls: the tool JSON is on the settings page."
                      : "Appointments booked by staff or by the voice agent appear here."}
                  </p>
                </EmptyState>
              ) : (
                <Card className="overflow-hidden">
                  <AppointmentTable
                    appointments={items}
                    zone={zone}
                    country={organization.defaultCountry}
                    caption={`Appointments on ${dayTitle(day)}`}
                    canWrite={canWrite}
                  />
                </Card>
              )}
            </section>
          );
        })}
      </div>
    </>
  );
}
