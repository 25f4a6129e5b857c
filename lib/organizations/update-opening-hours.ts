import { getDb } from "@/lib/db";
import { readOpeningHours, type OpeningDay } from "@/lib/appointments/opening-hours";
import { minuteToClock } from "@/lib/scheduling/calling-window";
import { changedFields, recordAuditEvent, type AuditActor } from "@/lib/compliance/record-audit-event";
import { expectedVersion, settingsChangedError, versionAfterSave } from "@/lib/organizations/settings-version";
import type { OpeningHoursInput } from "@/lib/organizations/schemas";

const select = { openingHours: true, appointmentSlotMinutes: true } as const;

/** Opening hours as the API and the audit log show them: "09:00"–"17:00" per weekday. */
function toView(row: { openingHours: unknown; appointmentSlotMinutes: number }) {
  return {
    openingHours: readOpeningHours(row.openingHours).map((d: OpeningDay) => ({ day: d.day, start: minuteToClock(d.start), end: minuteToClock(d.end) })),
    appointmentSlotMinutes: row.appointmentSlotMinutes,
  };
}
/** The hours, with the section's version for a form that saves them (settings-version.ts). */
export type OpeningHoursView = ReturnType<typeof toView> & { version: number };

export async function getOpeningHours(organizationId: string): Promise<OpeningHoursView> {
  const row = await getDb().organization.findUniqueOrThrow({ where: { id: organizationId }, select: { ...select, openingHoursVersion: true } });
  return { ...toView(row), version: row.openingHoursVersion };
}

/**
 * Changes when appointments can be booked. Existing appointments stay where they are (staff move them if
 * they want to); the agent offers the new hours from the next question on. Audited with before → after,
 * written in the same transaction under the row lock, so "before" is what this write really replaced.
 * With `input.version`, only over that version (409 stale_settings otherwise, nothing written); answers the new one.
 */
export async function updateOpeningHours(organizationId: string, input: OpeningHoursInput, actor: AuditActor | null = null): Promise<OpeningHoursView> {
  return getDb().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Organization" WHERE "id" = ${organizationId} FOR UPDATE`;
    const previous = toView(await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select }));
    const data = {
      ...(input.openingHours !== undefined ? { openingHours: input.openingHours } : {}),
      ...(input.appointmentSlotMinutes !== undefined ? { appointmentSlotMinutes: input.appointmentSlotMinutes } : {}),
    };
    // The version is checked by the write itself: an older copy matches no row.
    const [written] = await tx.organization.updateManyAndReturn({
      where: { id: organizationId, ...expectedVersion("openingHoursVersion", input.version) },
      data: { ...data, openingHoursVersion: { increment: 0 } },
      select: { ...select, openingHoursVersion: true },
    });
    if (!written) throw settingsChangedError();
    const updated = toView(written);
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
    return { ...updated, version: await versionAfterSave(tx, organizationId, "openingHoursVersion", written.openingHoursVersion, change !== null) };
  });
}
