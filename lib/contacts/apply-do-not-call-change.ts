import type { DbClient } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";
import type { DoNotCallChange } from "@/lib/contacts/contact-data";
import { addToDoNotCall } from "@/lib/compliance/do-not-call/add-to-do-not-call";
import { removeNumberFromDoNotCall } from "@/lib/compliance/do-not-call/remove-from-do-not-call";
import { recordAuditEvent, type AuditActor } from "@/lib/compliance/record-audit-event";

export type ContactActor = AuditActor & { role: Role };

/**
 * The contact form's "do not call" tick, written to the list (its one home): ticked adds the number,
 * unticked takes it off — which only admins may do, as on the list itself.
 */
export async function applyDoNotCallChange(
  tx: DbClient,
  organizationId: string,
  actor: ContactActor,
  phoneNumber: string,
  change: DoNotCallChange,
): Promise<void> {
  if (!change) return;
  if (change.on) {
    const { entry, added } = await addToDoNotCall(tx, { organizationId, phoneNumber, reason: change.reason, source: "STAFF", addedBy: actor });
    if (added)
      await recordAuditEvent(tx, {
        organizationId,
        action: "DO_NOT_CALL_ADDED",
        actor,
        targetType: "do_not_call_entry",
        targetId: entry.id,
        data: { phoneNumber, source: "STAFF" },
      });
    return;
  }
  const listed = await tx.doNotCallEntry.findUnique({ where: { organizationId_phoneNumber: { organizationId, phoneNumber } }, select: { id: true } });
  if (!listed) return;
  if (!can(actor.role, "doNotCall.remove")) throw new AppError("forbidden", "Only an admin can take a number off the do-not-call list.");
  await removeNumberFromDoNotCall(tx, organizationId, actor, phoneNumber);
}
