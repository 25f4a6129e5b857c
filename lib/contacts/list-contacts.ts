import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { decodeCursor, encodeCursor, type ContactCursor, type ContactSort } from "@/lib/contacts/contact-cursor";
import type { ContactData } from "@/lib/contacts/contact-data";
import { readCustomFields } from "@/lib/contacts/custom-fields";
import { searchCondition } from "@/lib/contacts/search-sql";

export interface ContactListItem extends ContactData {
  id: string;
  createdAt: Date;
  /** The contact's most recent call, if any. */
  lastCall: { outcome: string | null; status: string; at: Date } | null;
}

export interface ContactPage {
  contacts: ContactListItem[];
  /** Cursor of the page after this one; null on the last page. */
  nextCursor: string | null;
  /** Cursor of the page before this one; null on the first page. */
  prevCursor: string | null;
}

export interface ListContactsOptions {
  q?: string;
  sort: ContactSort;
  limit: number;
  cursor?: string;
  /** How many contacts match `q`, when the caller already knows: more than MATCHES_FIRST_MAX skips straight to walking the index. */
  matchCount?: number;
}

/**
 * How a search page is read. Up to this many matches, "matches first": the trigram indexes find them
 * all (one bitmap scan), and they are counted and sorted in the same statement. Walking the sort index
 * and filtering would instead read every row that sorts before the first match — and matches cluster:
 * every "Olivia" sits three quarters down a list sorted by name. Past it, matches are usually dense
 * enough that walking the index meets a page of them almost at once, and the count says "1,000+".
 * Every match read costs a random heap page: at a million contacts, 5,000 of them took ~1 s on a
 * loaded 2-core machine (npm run bench -- million), hence 1,000.
 */
export const MATCHES_FIRST_MAX = 1_000;

/**
 * Past MATCHES_FIRST_MAX, how many rows a search walks in sort order before it gives up on finding a
 * page there and sorts all the matches instead. Walking costs one heap page per row walked, sorting
 * one per match: a bounded walk keeps the worst case near the match count, where an unbounded one
 * read 750,000 rows to reach "Olivia" in a million contacts sorted by name.
 */
export const WALK_MAX_ROWS = 2_000;

type Row = Omit<ContactListItem, "customFields" | "lastCall"> & {
  customFields: unknown;
  lastCallOutcome: string | null;
  lastCallStatus: string | null;
  lastCallAt: Date | null;
  /** Matches in all (capped at MATCHES_FIRST_MAX + 1), in "matches first" reads only. */
  matchTotal?: number;
  /** Rows walked (at most WALK_MAX_ROWS), in "bounded walk" reads only. */
  walked?: number;
};

const SORT_COLUMN = { name: "name", created: "createdAt" } as const satisfies Record<ContactSort, string>;

const CONTACT_COLUMNS = Prisma.sql`c."id", c."name", c."phoneNumber", c."email", c."businessName", c."businessWebsite", c."timezone",
  c."doNotCall", c."doNotCallReason", c."customFields", c."createdAt"`;

interface Plan {
  sort: ContactSort;
  limit: number;
  cursor: ContactCursor | null;
  /** Names ascend and creation dates descend; a page "before" the cursor reads the other way. */
  ascending: boolean;
}

function planOf(options: ListContactsOptions): Plan {
  const cursor = options.cursor ? decodeCursor(options.cursor, options.sort) : null;
  return { sort: options.sort, limit: options.limit, cursor, ascending: (options.sort === "name") !== (cursor?.d === "before") };
}

/** Reads limit + 1 rows past the cursor, each with its latest call (joined laterally to those rows only). */
type ReadMode = "walk" | "bounded-walk" | "matches-first" | "all-matches";

async function readRows(organizationId: string, q: string | undefined, plan: Plan, mode: ReadMode): Promise<Row[]> {
  const direction = Prisma.raw(plan.ascending ? "ASC" : "DESC");
  const column = Prisma.raw(`"${SORT_COLUMN[plan.sort]}"`);
  const keyset = plan.cursor
    ? // A row-value comparison: Postgres seeks straight to the cursor in the (organizationId, sort key, id) index.
      Prisma.sql`AND (c.${column}, c."id") ${Prisma.raw(plan.ascending ? ">" : "<")} (${plan.sort === "name" ? Prisma.sql`${plan.cursor.v}` : Prisma.sql`${plan.cursor.v}::timestamptz`}, ${plan.cursor.id})`
    : Prisma.empty;
  const order = Prisma.sql`ORDER BY c.${column} ${direction}, c."id" ${direction} LIMIT ${plan.limit + 1}`;
  const walkOrder = Prisma.sql`ORDER BY c.${column} ${direction}, c."id" ${direction}`;
  // MATERIALIZED keeps the planner from turning "the matches, sorted" back into an index walk.
  const matches = (cap: Prisma.Sql) => Prisma.sql`WITH matches AS MATERIALIZED (
      SELECT ${CONTACT_COLUMNS} FROM "Contact" c WHERE c."organizationId" = ${organizationId} AND ${searchCondition(q)} ${cap}
    )
    SELECT c.*, (SELECT count(*)::int FROM matches) AS "matchTotal" FROM matches c WHERE TRUE ${keyset} ${order}`;
  const page =
    mode === "walk"
      ? Prisma.sql`SELECT ${CONTACT_COLUMNS} FROM "Contact" c WHERE c."organizationId" = ${organizationId} AND ${searchCondition(q)} ${keyset} ${order}`
      : mode === "bounded-walk"
        ? Prisma.sql`WITH walked AS MATERIALIZED (
            SELECT ${CONTACT_COLUMNS} FROM "Contact" c WHERE c."organizationId" = ${organizationId} ${keyset} ${walkOrder} LIMIT ${WALK_MAX_ROWS}
          )
          SELECT c.*, (SELECT count(*)::int FROM walked) AS "walked" FROM walked c WHERE ${searchCondition(q)} ${order}`
        : mode === "matches-first"
          ? matches(Prisma.sql`LIMIT ${MATCHES_FIRST_MAX + 1}`)
          : matches(Prisma.empty);
  return getDb().$queryRaw<Row[]>`
    SELECT p.*, lc."outcome" AS "lastCallOutcome", lc."status"::text AS "lastCallStatus", lc."createdAt" AS "lastCallAt"
      FROM (${page}) p
      LEFT JOIN LATERAL (
        SELECT k."outcome", k."status", k."createdAt"
          FROM "Call" k
         WHERE k."contactId" = p."id" AND k."organizationId" = ${organizationId}
         ORDER BY k."createdAt" DESC, k."id" DESC
         LIMIT 1
      ) lc ON TRUE
     ORDER BY p.${column} ${direction}, p."id" ${direction}`;
}

/**
 * The rows of a page, and — for a search read "matches first" — how many match in all, up to
 * MATCHES_FIRST_MAX + 1 (more than MATCHES_FIRST_MAX: "at least that many"). Undefined when unknown:
 * no search, a count given by the caller, or an empty page.
 */
async function readPage(organizationId: string, options: ListContactsOptions, plan: Plan): Promise<{ rows: Row[]; matchTotal?: number }> {
  const tryMatchesFirst = Boolean(options.q) && (options.matchCount === undefined || options.matchCount <= MATCHES_FIRST_MAX);
  if (tryMatchesFirst) {
    const rows = await readRows(organizationId, options.q, plan, "matches-first");
    const matchTotal = rows[0]?.matchTotal;
    if (matchTotal === undefined || matchTotal <= MATCHES_FIRST_MAX) return { rows, matchTotal };
    // Many matches: usually a page of them sits within the first rows in sort order…
    const walked = await readRows(organizationId, options.q, plan, "bounded-walk");
    const reachedTheEnd = (walked[0]?.walked ?? WALK_MAX_ROWS) < WALK_MAX_ROWS;
    if (walked.length > plan.limit || reachedTheEnd) return { rows: walked, matchTotal };
    // …unless they cluster further down ("Olivia" in a list sorted by name): sort them all instead.
    return { rows: await readRows(organizationId, options.q, plan, "all-matches"), matchTotal };
  }
  return { rows: await readRows(organizationId, options.q, plan, "walk") };
}

function sortValue(sort: ContactSort, row: Pick<Row, "name" | "createdAt">): string {
  return sort === "name" ? row.name : row.createdAt.toISOString();
}

function toListItem(row: Row): ContactListItem {
  const { lastCallOutcome, lastCallStatus, lastCallAt, customFields, ...contact } = row;
  delete contact.matchTotal;
  delete contact.walked;
  return {
    ...contact,
    customFields: readCustomFields(customFields),
    lastCall: lastCallAt && lastCallStatus ? { outcome: lastCallOutcome, status: lastCallStatus, at: lastCallAt } : null,
  };
}

/**
 * One page of the organization's contacts, by keyset (never OFFSET): the page after — or before — a
 * cursor row, so a page 90,000 rows down costs what the first one does. `matchTotal` comes along
 * when the search was counted on the way (see MATCHES_FIRST_MAX).
 */
export async function listContactsPage(organizationId: string, options: ListContactsOptions): Promise<ContactPage & { matchTotal?: number }> {
  const plan = planOf(options);
  const { rows, matchTotal } = await readPage(organizationId, options, plan);
  const backward = plan.cursor?.d === "before";
  const hasMore = rows.length > plan.limit;
  const page = rows.slice(0, plan.limit);
  if (backward) {
    // Back at the start (or everything before was deleted): show the real first page, full.
    if (!hasMore) return listContactsPage(organizationId, { ...options, cursor: undefined });
    page.reverse();
  }
  const first = page[0];
  const last = page.at(-1);
  const at = (row: Row, d: "after" | "before") => encodeCursor({ s: plan.sort, v: sortValue(plan.sort, row), id: row.id, d });
  return {
    contacts: page.map(toListItem),
    nextCursor: last && (backward || hasMore) ? at(last, "after") : null,
    // Past the end (the last rows were deleted meanwhile): still offer the way back.
    prevCursor: first && plan.cursor ? at(first, "before") : plan.cursor ? encodeCursor({ ...plan.cursor, d: "before" }) : null,
    ...(matchTotal !== undefined ? { matchTotal } : {}),
  };
}

export async function listContacts(organizationId: string, options: ListContactsOptions): Promise<ContactPage> {
  const { contacts, nextCursor, prevCursor } = await listContactsPage(organizationId, options);
  return { contacts, nextCursor, prevCursor };
}
