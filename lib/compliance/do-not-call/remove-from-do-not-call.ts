import { getDb, type DbClient } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { recordAuditEvent, type AuditActor } from "@/lib/compliance/record-audit-event";

/** Takes one entry off the list (admins: the patient asked to be called again); the tenant check is in the delete. */
export async function removeFromDoNotCall(organizationId: string, actor: AuditActor, id: string) {
  await getDb().$transaction(async (tx) => {
    const entry = await tx.doNotCallEntry.findFirst({ where: { id, organizationId } });
    if (!entry) throw notFound("Do-not-call entry");
    await deleteEntry(tx, organizationId, actor, entry);
  });
}

/** Takes a number off the list, if it is there (the contact form's "do not call" unticked). */
export async function removeNumberFromDoNotCall(tx: DbClient, organizationId: string, actor: AuditActor, phoneNumber: string): Promise<boolean> {
  const entry = await tx.doNotCallEntry.findUnique({ where: { organizationId_phoneNumber: { organizationId, phoneNumber } } });
  if (!entry) return false;
  await deleteEntry(tx, organizationId, actor, entry);
  return true;
}

async function deleteEntry(
  tx: DbClient,
  organizationId: string,
  actor: AuditActor,
  entry: { id: string; phoneNumber: string; reason: string | null; source: string; createdAt: Date },
) {
  const { count } = await tx.doNotCallEntry.deleteMany({ where: { id: entry.id, organizationId } });
  if (count === 0) return;
  await recordAuditEvent(tx, {
    organizationId,
    action: "DO_NOT_CALL_REMOVED",
    actor,
    targetType: "do_not_call_entry",
    targetId: entry.id,
    before: { phoneNumber: entry.phoneNumber, reason: entry.reason, source: entry.source, addedAt: entry.createdAt.toISOString() },
  });
}
