import { Prisma } from "@/lib/generated/prisma/client";
import { parseSearch } from "@/lib/contacts/search-terms";

/** LIKE treats % _ and \ specially; a search for "100%" means the characters, not a wildcard. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * The search of lib/contacts/search-terms.ts as a condition on `"Contact"` aliased `c`. Every branch
 * is an ILIKE/LIKE one of the pg_trgm GIN indexes answers (a one-letter pattern anchored at a word
 * start still yields the trigram "  j"), so a rare term is a bitmap scan and a common one lets the
 * planner walk the keyset index instead. TRUE without a query.
 */
export function searchCondition(q: string | null | undefined): Prisma.Sql {
  const terms = parseSearch(q);
  if (!terms) return Prisma.sql`TRUE`;
  const text = escapeLike(terms.text);
  const branches: Prisma.Sql[] = terms.wordPrefix
    ? [
        Prisma.sql`c."name" ILIKE ${`${text}%`}`,
        Prisma.sql`c."name" ILIKE ${`% ${text}%`}`,
        Prisma.sql`c."businessName" ILIKE ${`${text}%`}`,
        Prisma.sql`c."businessName" ILIKE ${`% ${text}%`}`,
      ]
    : [Prisma.sql`c."name" ILIKE ${`%${text}%`}`, Prisma.sql`c."email" ILIKE ${`%${text}%`}`, Prisma.sql`c."businessName" ILIKE ${`%${text}%`}`];
  for (const digits of terms.phoneDigits) branches.push(Prisma.sql`c."phoneNumber" LIKE ${`%${digits}%`}`);
  return Prisma.sql`(${Prisma.join(branches, " OR ")})`;
}
