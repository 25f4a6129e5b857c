import { getDb } from "@/lib/db";
import { readOpeningHours, type OpeningDay } from "@/lib/appointments/opening-hours";
import { minuteToClock } from "@/lib/scheduling/calling-window";
import { changedFields, recordAuditEvent, type AuditActor } from "@/lib/compliance/record-audit-event";
import type { OpeningHoursInput } from "@/lib/organizations/schemas";

const select = { openingHours: true, appointmentSlotMinutes: true } as const;

/** Opening hours as the API and the audit log show them: "09:00"–"17:00" per weekday. */
function toView(row: { openingHours: unknown; appointmentSlotMinutes: number }) {
  return {
    openingHours: readOpeningHours(row.openingHours).map((d: OpeningDay) => ({ day: d.day, start: minuteToClock(d.start), end: minuteToClock(d.end) })),
    appointmentSlotMinutes: row.appointmentSlotMinutes,
  };
}
export type OpeningHoursView = ReturnType<typeof toView>;

export async function getOpeningHours(organizationId: string): Promise<OpeningHoursView> {
  return toView(await getDb().organization.findUniqueOrThrow({ where: { id: organizationId }, select }));
}

/**
 * Changes when appointments can be booked. Existing appointments stay where they are (staff move them if
 * they want to); the agent offers the new hours from the next question on. Audited with before → after,
 * written in the same transaction under the row lock, so "before" is what this write really replaced.
 */
export async function updateOpeningHours(organizationId: string, input: OpeningHoursInput, actor: AuditActor | null = null): Promise<OpeningHoursView> {
  return getDb().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Organization" WHERE "id" = ${organizationId} FOR UPDATE`;
    const previous = toView(await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select }));
    const data = {
      ...(input.openingHours !== undefined ? { openingHours: input.openingHours } : {}),
      ...(input.appointmentSlotMinutes !== undefined ? { appointmentSlotMinutes: input.appointmentSlotMinutes } : {}),
    };
    const updated = toView(await tx.organization.update({ where: { id: organizationId }, data, select }));
    const change = changedFields(previous, updated);
    if (change)
      await recordAuditEvent(tx, {
        organizationId,
        action: "SETTINGS_UPDATED",
        actor,
        targetType: "organization",
        targetId: organizationId,
        ...change,
        data: { section: "opening_hours" },
      });
    return updated;
  });
}
