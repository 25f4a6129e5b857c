import type { Db } from "@/lib/db";
import type { ActivityType } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RawQueryClient } from "@/lib/prisma/raw-query-client";
import { createId } from "@/lib/ids/create-id";

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

/**
 * Appends many events in one INSERT, the rows travelling as one JSON parameter: the feed entries of
 * a burst of ended calls. (Prisma's createMany costs about as much CPU per row as a webhook's whole
 * answer.)
 */
export async function recordActivities(db: RawQueryClient, inputs: readonly ActivityInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const createdAt = new Date();
  const rows = inputs.map((input) => ({
    id: createId(),
    organizationId: input.organizationId,
    type: input.type,
    message: input.message,
    actorUserId: input.actorUserId ?? null,
    contactId: input.contactId ?? null,
    callId: input.callId ?? null,
    data: input.data ?? {},
    // The app's clock, as recordActivity's Prisma default: one clock for every feed entry, whichever path wrote it.
    createdAt: createdAt.toISOString(),
  }));
  await db.$queryRaw`
    INSERT INTO "ActivityEvent" ("id", "organizationId", "type", "message", "actorUserId", "contactId", "callId", "data", "createdAt")
    SELECT r."id", r."organizationId", r."type"::"ActivityType", r."message", r."actorUserId", r."contactId", r."callId", r."data", r."createdAt"
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(
        "id" text, "organizationId" text, "type" text, "message" text, "actorUserId" text, "contactId" text, "callId" text, "data" jsonb, "createdAt" timestamptz)`;
}
