import { getDb } from "@/lib/db";
import { searchCondition } from "@/lib/contacts/search-sql";

/** How many of the organization's contacts match the search (all of them without one). */
export async function countContacts(organizationId: string, q?: string): Promise<number> {
  const [row] = await getDb().$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS "count" FROM "Contact" c WHERE c."organizationId" = ${organizationId} AND ${searchCondition(q)}`;
  return row?.count ?? 0;
}
