import { getDb, type DbClient } from "@/lib/db";
import type { AuditAction } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface AuditActor {
  userId: string;
  email: string;
}

export interface AuditEventInput {
  organizationId: string;
  action: AuditAction;
  actor: AuditActor | null;
  targetType?: string;
  targetId?: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
  data?: Prisma.InputJsonValue;
}

/**
 * Appends one row to the audit log. Pass the transaction client when the audited change is written
 * in one, so the change and its record land together or not at all. There is deliberately no
 * update or delete counterpart (and the database refuses both).
 */
export async function recordAuditEvent(db: DbClient | ReturnType<typeof getDb>, event: AuditEventInput): Promise<void> {
  await db.auditEvent.create({
    data: {
      organizationId: event.organizationId,
      action: event.action,
      actorUserId: event.actor?.userId ?? null,
      actorEmail: event.actor?.email ?? null,
      targetType: event.targetType ?? null,
      targetId: event.targetId ?? null,
      before: event.before,
      after: event.after,
      data: event.data ?? {},
    },
  });
}

/** Only the fields that changed, as { before, after }: the log says what moved, not the whole row. */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: T,
): { before: Prisma.InputJsonObject; after: Prisma.InputJsonObject } | null {
  const keys = Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  if (keys.length === 0) return null;
  // The values are settings columns (strings, numbers, booleans, arrays of numbers, null): JSON already.
  const pick = (row: T) => Object.fromEntries(keys.map((k) => [k, row[k] ?? null])) as Prisma.InputJsonObject;
  return { before: pick(before), after: pick(after) };
}
