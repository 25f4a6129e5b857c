export type AppointmentsView = "day" | "week";

/** /appointments links keep the view and the clinic-local date in the URL, so Back and sharing work. */
export function appointmentsHref({ view, date }: { view: AppointmentsView; date?: string }): string {
  const params = new URLSearchParams({ view, ...(date ? { date } : {}) });
  return `/appointments?${params}`;
}
