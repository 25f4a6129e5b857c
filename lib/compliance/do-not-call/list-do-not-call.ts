import { z } from "zod";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DoNotCallSource } from "@/lib/generated/prisma/enums";
import { decodeOpaqueCursor, encodeOpaqueCursor } from "@/lib/http/opaque-cursor";
import type { ListDoNotCallQuery } from "@/lib/compliance/do-not-call/schemas";

export interface DoNotCallListItem {
  id: string;
  phoneNumber: string;
  reason: string | null;
  source: DoNotCallSource;
  addedByEmail: string | null;
  callId: string | null;
  createdAt: Date;
  /** The contact with this number, when there is one. */
  contact: { id: string; name: string } | null;
}

const cursorSchema = z.object({ t: z.iso.datetime(), id: z.string().min(1).max(64) });

type Row = Omit<DoNotCallListItem, "contact"> & { contactId: string | null; contactName: string | null };

/** The list, newest first, by keyset on (createdAt, id): page 500 costs what page 1 does. */
export async function listDoNotCall(organizationId: string, query: ListDoNotCallQuery) {
  const after = query.cursor ? decodeOpaqueCursor(query.cursor, cursorSchema) : null;
  const keyset = after ? Prisma.sql`AND (d."createdAt", d."id") < (${after.t}::timestamptz, ${after.id})` : Prisma.empty;
  const rows = await getDb().$queryRaw<Row[]>`
    SELECT d."id", d."phoneNumber", d."reason", d."source"::text AS "source", d."addedByEmail", d."callId", d."createdAt",
           c."id" AS "contactId", c."name" AS "contactName"
      FROM "DoNotCallEntry" d
      LEFT JOIN "Contact" c ON c."organizationId" = d."organizationId" AND c."phoneNumber" = d."phoneNumber"
     WHERE d."organizationId" = ${organizationId} ${keyset}
     ORDER BY d."createdAt" DESC, d."id" DESC
     LIMIT ${query.limit + 1}`;
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    entries: page.map(({ contactId, contactName, ...entry }): DoNotCallListItem => ({
      ...entry,
      contact: contactId ? { id: contactId, name: contactName ?? "" } : null,
    })),
    nextCursor: rows.length > query.limit && last ? encodeOpaqueCursor({ t: last.createdAt.toISOString(), id: last.id }) : null,
  };
}

/** How many numbers are on the list (the compliance panel). */
export async function countDoNotCall(organizationId: string): Promise<number> {
  return getDb().doNotCallEntry.count({ where: { organizationId } });
}
