import { getDb, type DbClient } from "@/lib/db";
import { readOpeningHours } from "@/lib/appointments/opening-hours";
import type { DayRules } from "@/lib/appointments/day-slots";

export interface BookingRules extends DayRules {
  defaultCountry: string;
  name: string;
  /** What the clinic's default patient language is made of (lib/appointments/caller-language). */
  locale: string;
  defaultLanguage: string | null;
}

/** The clinic's zone, opening hours and slot length, as availability and booking read them. */
export async function loadBookingRules(organizationId: string, db: DbClient | ReturnType<typeof getDb> = getDb()): Promise<BookingRules> {
  const org = await db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { name: true, timezone: true, defaultCountry: true, locale: true, defaultLanguage: true, openingHours: true, appointmentSlotMinutes: true },
  });
  return {
    name: org.name,
    timeZone: org.timezone,
    defaultCountry: org.defaultCountry,
    locale: org.locale,
    defaultLanguage: org.defaultLanguage,
    openingHours: readOpeningHours(org.openingHours),
    slotMinutes: org.appointmentSlotMinutes,
  };
}
