import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { decodeCursor, encodeCursor } from "@/lib/contacts/contact-cursor";
import type { ListContactsQuery } from "@/lib/contacts/schemas";

export const contactListSelect = {
  id: true,
  name: true,
  phoneNumber: true,
  email: true,
  businessName: true,
  customFields: true,
  doNotCall: true,
  createdAt: true,
} satisfies Prisma.ContactSelect;

function searchFilter(q: string | undefined): Prisma.ContactWhereInput {
  if (!q) return {};
  const digits = q.replace(/\D/g, "");
  return {
    OR: [
      { name: { contains: q, mode: "insensitive" } },
      { email: { contains: q, mode: "insensitive" } },
      { businessName: { contains: q, mode: "insensitive" } },
      ...(digits.length >= 3 ? [{ phoneNumber: { contains: digits } }] : []),
    ],
  };
}

/** Keyset pagination (no OFFSET): pages stay fast and stable while rows are added. */
function afterCursor(query: ListContactsQuery): Prisma.ContactWhereInput {
  if (!query.cursor) return {};
  const { v, id } = decodeCursor(query.cursor);
  if (query.sort === "name") {
    return { OR: [{ name: { gt: v } }, { name: v, id: { gt: id } }] };
  }
  const createdAt = new Date(v);
  return { OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] };
}

export async function listContacts(organizationId: string, query: ListContactsQuery) {
  const orderBy: Prisma.ContactOrderByWithRelationInput[] =
    query.sort === "name" ? [{ name: "asc" }, { id: "asc" }] : [{ createdAt: "desc" }, { id: "desc" }];
  const rows = await getDb().contact.findMany({
    where: { AND: [{ organizationId }, searchFilter(query.q), afterCursor(query)] },
    orderBy,
    take: query.limit + 1,
    select: contactListSelect,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last
      ? encodeCursor({ v: query.sort === "name" ? last.name : last.createdAt.toISOString(), id: last.id })
      : null;
  return { contacts: page, nextCursor };
}
