import { foldForSearch } from "@/lib/text/fold-for-search";
import { TZDate } from "@date-fns/tz";
import { Prisma } from "@/lib/generated/prisma/client";
import { escapeLike } from "@/lib/contacts/search-sql";
import type { CallFilters } from "@/lib/calls/history/schemas";

/** Midnight starting `day` ("2026-11-22") on the clinic's calendar, as an instant; `plusDays` moves on whole local days (DST-safe). */
export function clinicMidnight(day: string, timeZone: string, plusDays = 0): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(TZDate.tz(timeZone, y, m - 1, d + plusDays).getTime());
}

/**
 * The filters as conditions on `"Call"` aliased `k`, ANDed with the tenant. Days are the clinic's:
 * "to 22 Nov" runs until midnight starting 23 Nov in its zone, however long DST makes that day.
 */
export function callFiltersSql(organizationId: string, timeZone: string, filters: CallFilters): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`k."organizationId" = ${organizationId}`];
  if (filters.from) conditions.push(Prisma.sql`k."createdAt" >= ${clinicMidnight(filters.from, timeZone).toISOString()}::timestamptz`);
  if (filters.to) conditions.push(Prisma.sql`k."createdAt" < ${clinicMidnight(filters.to, timeZone, 1).toISOString()}::timestamptz`);
  if (filters.outcome) conditions.push(Prisma.sql`k."outcome" = ${filters.outcome}`);
  if (filters.status) conditions.push(Prisma.sql`k."status"::text = ${filters.status}`);
  if (filters.direction) conditions.push(Prisma.sql`k."direction"::text = ${filters.direction}`);
  if (filters.contactId) conditions.push(Prisma.sql`k."contactId" = ${filters.contactId}`);
  // Summary and transcript live in searchText; ILIKE '%…%' is answered by its pg_trgm GIN index.
  // The stored text has its accents folded (callSearchText): the query is folded the same way.
  if (filters.q) conditions.push(Prisma.sql`k."searchText" ILIKE ${`%${escapeLike(foldForSearch(filters.q))}%`}`);
  return Prisma.join(conditions, " AND ");
}
