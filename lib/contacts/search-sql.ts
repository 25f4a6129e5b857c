import { Prisma } from "@/lib/generated/prisma/client";
import { DIGITS_START, FIELD_START, parseSearch } from "@/lib/contacts/search-terms";

/** LIKE treats % _ and \ specially; a search for "100%" means the characters, not a wildcard. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * The search of lib/contacts/search-terms.ts as a condition on the search text of the row aliased
 * `alias` (Contact.searchText: see contactSearchText). Every pattern is one the pg_trgm GIN index on
 * searchText answers (a one-letter word prefix still yields the trigram "  j"), and the keyset indexes
 * carry searchText too, so a walk in sort order filters without reading the table. TRUE without a query.
 * Both sides go through the database's lower(), so the query folds case as the stored text did.
 */
export function searchCondition(q: string | null | undefined, alias = "c"): Prisma.Sql {
  const terms = parseSearch(q);
  if (!terms) return Prisma.sql`TRUE`;
  const column = Prisma.raw(`${alias}."searchText"`);
  const text = escapeLike(terms.text);
  const patterns = terms.wordPrefix ? [`%${FIELD_START}${text}%`, `% ${text}%`] : [`%${text}%`];
  const branches = patterns.map((pattern) => Prisma.sql`${column} LIKE lower(${pattern})`);
  // The digits come last, after the only DIGITS_START: "\x1f%…%" cannot reach into another field.
  for (const digits of terms.phoneDigits) branches.push(Prisma.sql`${column} LIKE ${`%${DIGITS_START}%${digits}%`}`);
  return Prisma.sql`(${Prisma.join(branches, " OR ")})`;
}
