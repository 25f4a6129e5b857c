import type { Db } from "@/lib/db";
import type { ActivityType } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface ActivityInput {
  organizationId: string;
  type: ActivityType;
  message: string;
  actorUserId?: string | null;
  contactId?: string | null;
  callId?: string | null;
  data?: Prisma.InputJsonValue;
}

/** Appends one event to the clinic's activity feed. */
export async function recordActivity(db: Pick<Db, "activityEvent">, input: ActivityInput) {
  await db.activityEvent.create({ data: { ...input, data: input.data ?? {} } });
}
