import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { minuteToClock } from "@/lib/scheduling/calling-window";
import { callingRulesSelect } from "@/lib/scheduling/load-calling-rules";
import type { CallingRulesInput } from "@/lib/organizations/schemas";
import { changedFields, recordAuditEvent, type AuditActor } from "@/lib/compliance/record-audit-event";
import { expectedVersion, settingsChangedError, versionAfterSave } from "@/lib/organizations/settings-version";

type Stored = { callingWindowStart: number; callingWindowEnd: number } & Record<string, unknown>;

/** Calling hours as the API shows them: "09:00"–"17:00" instead of minutes after midnight. */
export function toCallingRulesView<T extends Stored>(rules: T) {
  return { ...rules, callingWindowStart: minuteToClock(rules.callingWindowStart), callingWindowEnd: minuteToClock(rules.callingWindowEnd) };
}

/** The rules, with the section's version for a form that saves them (settings-version.ts). */
export async function getCallingRules(organizationId: string) {
  const { callingRulesVersion: version, ...rules } = await getDb().organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { ...callingRulesSelect, callingRulesVersion: true },
  });
  return { ...toCallingRulesView(rules), version };
}

/**
 * Changes the calling rules. Start < end is checked against the stored value of whichever side is
 * not being changed, inside the same transaction, so two admins editing at once cannot store an
 * empty window. With `input.version`, only over that version of the rules (409 stale_settings
 * otherwise, nothing written); answers the new one. Pending calls keep their times; the dispatcher
 * re-checks the hours before dialing.
 */
export async function updateCallingRules(organizationId: string, { version: loaded, ...input }: CallingRulesInput, actor: AuditActor | null = null) {
  const data = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  const { version, ...updated } = await getDb().$transaction(async (tx) => {
    // The row lock also makes the audit's "before" the value this write really replaced.
    await tx.$queryRaw`SELECT 1 FROM "Organization" WHERE "id" = ${organizationId} FOR UPDATE`;
    const previous = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: callingRulesSelect });
    // The version is checked by the write itself: an older copy matches no row.
    const [written] = await tx.organization.updateManyAndReturn({
      where: { id: organizationId, ...expectedVersion("callingRulesVersion", loaded) },
      data: { ...data, callingRulesVersion: { increment: 0 } },
      select: { ...callingRulesSelect, callingRulesVersion: true },
    });
    if (!written) throw settingsChangedError();
    const { callingRulesVersion: newVersion, ...rules } = written;
    if (rules.callingWindowStart >= rules.callingWindowEnd) {
      throw new AppError("invalid_input", "Calling hours must start before they end (e.g. 09:00 to 17:00).", {
        issues: [{ path: "callingWindowEnd", message: "Must be later than the start" }],
      });
    }
    if (rules.maxCallsPerDay > rules.maxCallsPerWeek) {
      throw new AppError("invalid_input", "A patient cannot be called more often in a day than in a week: raise the weekly cap or lower the daily one.", {
        issues: [{ path: "maxCallsPerWeek", message: "Must be at least the calls a day" }],
      });
    }
    const change = changedFields(toCallingRulesView(previous), toCallingRulesView(rules));
    if (change)
      await recordAuditEvent(tx, { organizationId, action: "CALLING_RULES_UPDATED", actor, targetType: "organization", targetId: organizationId, ...change });
    return { ...rules, version: await versionAfterSave(tx, organizationId, "callingRulesVersion", newVersion, change !== null) };
  });
  return { ...toCallingRulesView(updated), version };
}
