import { z } from "zod";
import { getDb } from "@/lib/db";
import { AuditAction } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";

export const AUDIT_ACTIONS = Object.values(AuditAction);

export const listAuditEventsQuerySchema = z.object({
  action: z.enum(AUDIT_ACTIONS as [AuditAction, ...AuditAction[]]).optional(),
  actorUserId: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  /** The id of the last row of the previous page. */
  cursor: z.string().min(1).max(64).optional(),
});
export type ListAuditEventsQuery = z.infer<typeof listAuditEventsQuerySchema>;

/** The organization's audit log, newest first, by keyset (createdAt, id), filtered by action and actor. */
export async function listAuditEvents(organizationId: string, query: ListAuditEventsQuery) {
  const db = getDb();
  let after: { createdAt: Date; id: string } | null = null;
  if (query.cursor) {
    after = await db.auditEvent.findFirst({ where: { id: query.cursor, organizationId }, select: { createdAt: true, id: true } });
    if (!after) throw new AppError("bad_request", "The page cursor is not valid for this log.");
  }
  const rows = await db.auditEvent.findMany({
    where: {
      organizationId,
      ...(query.action ? { action: query.action } : {}),
      ...(query.actorUserId ? { actorUserId: query.actorUserId } : {}),
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: {
      id: true,
      action: true,
      actorUserId: true,
      actorEmail: true,
      targetType: true,
      targetId: true,
      before: true,
      after: true,
      data: true,
      createdAt: true,
    },
  });
  const page = rows.slice(0, query.limit);
  return { events: page, nextCursor: rows.length > query.limit ? page.at(-1)!.id : null };
}
