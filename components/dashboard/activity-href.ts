import { TZDate } from "@date-fns/tz";
import { appointmentsHref } from "@/components/appointments/appointments-href";
import type { ActivityType } from "@/lib/generated/prisma/enums";

export interface LinkableEntry {
  type: ActivityType;
  callId: string | null;
  contactName: string | null;
  /** As stored: agent actions carry appointmentId/startsAt or scheduledCallId. */
  data: unknown;
}

const APPOINTMENT_TYPES: ReadonlySet<ActivityType> = new Set(["APPOINTMENT_BOOKED", "APPOINTMENT_MOVED", "APPOINTMENT_CANCELLED"]);

const text = (data: unknown, key: string): string | null => {
  const value = typeof data === "object" && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>)[key] : undefined;
  return typeof value === "string" && value ? value : null;
};

/** The clinic's calendar day ("2026-12-01") of an ISO instant, or null for anything that is not one. */
function clinicDate(iso: string, timeZone: string): string | null {
  const at = Date.parse(iso);
  if (!Number.isFinite(at)) return null;
  const local = new TZDate(at, timeZone);
  return `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, "0")}-${String(local.getDate()).padStart(2, "0")}`;
}

/**
 * Where a feed entry leads. What the agent did leads to what it changed (the appointment's day, the
 * scheduled callback); anything else to its call's page, else its contact, else nowhere.
 */
export function activityHref(entry: LinkableEntry, timeZone: string): string | null {
  if (APPOINTMENT_TYPES.has(entry.type)) {
    const startsAt = text(entry.data, "startsAt");
    const date = startsAt ? clinicDate(startsAt, timeZone) : null;
    if (date) return appointmentsHref({ view: "day", date });
  }
  if (entry.type === "CALLBACK_SCHEDULED" && text(entry.data, "scheduledCallId")) return "/scheduling";
  if (entry.callId) return `/calls/${entry.callId}`;
  if (entry.contactName) return `/contacts?q=${encodeURIComponent(entry.contactName)}`;
  return null;
}
