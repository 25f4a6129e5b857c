import { getDb } from "@/lib/db";
import { searchCondition } from "@/lib/contacts/search-sql";

/**
 * Past this many, a count says "10,000+": an exact count reads every matching row (about 100 ms at a
 * million contacts), a capped one stops at the cap, so the page costs the same at any size.
 */
export const CONTACT_COUNT_CAP = 10_000;

export interface ContactCount {
  /** The number matching, or CONTACT_COUNT_CAP when there are more (`capped`). */
  total: number;
  capped: boolean;
}

/** How many of the organization's contacts match the search (all of them without one), exactly. */
export async function countContacts(organizationId: string, q?: string): Promise<number> {
  const [row] = await getDb().$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS "count" FROM "Contact" c WHERE c."organizationId" = ${organizationId} AND ${searchCondition(q)}`;
  return row?.count ?? 0;
}

/** The same count, stopping at `cap` + 1 rows (what the contacts page shows). */
export async function countContactsCapped(organizationId: string, q?: string, cap = CONTACT_COUNT_CAP): Promise<ContactCount> {
  const [row] = await getDb().$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS "count"
      FROM (SELECT 1 FROM "Contact" c WHERE c."organizationId" = ${organizationId} AND ${searchCondition(q)} LIMIT ${cap + 1}) matches`;
  const count = row?.count ?? 0;
  return count > cap ? { total: cap, capped: true } : { total: count, capped: false };
}
