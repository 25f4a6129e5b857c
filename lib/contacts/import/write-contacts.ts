import { Prisma } from "@/lib/generated/prisma/client";
import { createId } from "@/lib/ids/create-id";
import { arrayLiteral } from "@/lib/prisma/array-literal";
import { IMPORT_WRITE_CHUNK_ROWS } from "@/lib/contacts/import/limits";
import type { ImportContact } from "@/lib/contacts/import/validate-rows";
import { lockDoNotCallForChange } from "@/lib/compliance/do-not-call/do-not-call-lock";

import type { RawQueryClient } from "@/lib/prisma/raw-query-client";

export interface WriteCounts {
  created: number;
  /** Rows whose number an existing contact has: updated, whether or not it changed (what a dry run counts too). */
  updated: number;
  /** Of those, contacts that already held what the file says: left as they were. */
  unchanged: number;
}

/** What a chunk changed that the audit log records (once per import, summed: lib/contacts/import/import-contacts.ts). */
export interface AuditedChanges {
  /** Existing contacts whose consent basis the file changed; of them, to "none" and from "none". */
  consentChanged: number;
  consentToNone: number;
  consentFromNone: number;
  /** Numbers the file's do-not-call column put on the list (new to it). */
  listed: number;
}

export const NO_AUDITED_CHANGES: AuditedChanges = { consentChanged: 0, consentToNone: 0, consentFromNone: 0, listed: 0 };

export function addAuditedChanges(total: AuditedChanges, chunk: AuditedChanges): void {
  total.consentChanged += chunk.consentChanged;
  total.consentToNone += chunk.consentToNone;
  total.consentFromNone += chunk.consentFromNone;
  total.listed += chunk.listed;
}

/**
 * Upserts contacts by (organizationId, phoneNumber), IMPORT_WRITE_CHUNK_ROWS per statement (upsertChunk).
 * Callers run this inside a transaction, so an import is written completely or not at all, and commit
 * right after it (it ends with the do-not-call lock when the file lists numbers or records no consent).
 */
export async function upsertContacts(
  db: RawQueryClient,
  organizationId: string,
  contacts: readonly ImportContact[],
  addedBy?: { userId: string; email: string },
): Promise<WriteCounts> {
  const counts: WriteCounts = { created: 0, updated: 0, unchanged: 0 };
  let restricts = false;
  for (let start = 0; start < contacts.length; start += IMPORT_WRITE_CHUNK_ROWS) {
    const chunk = prepareChunk(contacts.slice(start, start + IMPORT_WRITE_CHUNK_ROWS));
    restricts ||= chunk.restrictsCalls;
    addWriteCounts(counts, await upsertChunk(db, organizationId, chunk, addedBy));
  }
  // Last: the caller commits next (see PreparedChunk.restrictsCalls).
  if (restricts) await lockDoNotCallForChange(db, organizationId);
  return counts;
}

/** A chunk of contacts ready to send: new ids given, each column one array literal (lib/prisma/array-literal.ts). */
export interface PreparedChunk {
  size: number;
  contacts: Record<ContactColumn, string>;
  /** The rows marked do-not-call, for the list; null when there are none. */
  listed: { ids: string; phoneNumbers: string; reasons: string } | null;
  /**
   * A row lists its number or records consent as none: the import's transaction must end by taking the
   * clinic's do-not-call lock (lockDoNotCallForChange, once, right before it commits), so a dial in flight
   * to one of these patients either sees the change or was marked sent before it commits.
   */
  restrictsCalls: boolean;
  /** A row records a consent basis: the statement also counts the contacts whose basis it changes (for the audit log). */
  setsConsent: boolean;
}

/** The Contact columns a chunk carries: a new id and every field of ImportContact but the do-not-call ones (they go to the list). */
type ContactColumn = "id" | Exclude<keyof ImportContact, "doNotCall" | "doNotCallReason">;

/**
 * Everything a chunk's statement needs that costs per row (ids, JSON, quoting), done apart from sending
 * it: the import prepares the next chunk while the database writes the one before.
 */
export function prepareChunk(chunk: readonly ImportContact[]): PreparedChunk {
  const column = (read: (contact: ImportContact) => string | null) => arrayLiteral(chunk.map(read));
  const listed = chunk.filter((contact) => contact.doNotCall);
  return {
    size: chunk.length,
    restrictsCalls: listed.length > 0 || chunk.some((contact) => contact.consentBasis === "NONE"),
    setsConsent: chunk.some((contact) => contact.consentBasis !== null),
    contacts: {
      id: column(() => createId()),
      name: column((c) => c.name),
      phoneNumber: column((c) => c.phoneNumber),
      email: column((c) => c.email),
      businessName: column((c) => c.businessName),
      businessWebsite: column((c) => c.businessWebsite),
      timezone: column((c) => c.timezone),
      language: column((c) => c.language),
      consentBasis: column((c) => c.consentBasis),
      consentSource: column((c) => c.consentSource),
      consentDate: column((c) => c.consentDate?.toISOString().slice(0, 10) ?? null),
      customFields: column((c) => JSON.stringify(c.customFields)),
    },
    listed:
      listed.length === 0
        ? null
        : {
            ids: arrayLiteral(listed.map(() => createId())),
            phoneNumbers: arrayLiteral(listed.map((c) => c.phoneNumber)),
            reasons: arrayLiteral(listed.map((c) => c.doNotCallReason)),
          },
  };
}

/**
 * One INSERT … ON CONFLICT DO UPDATE for a prepared chunk: each column travels as one array literal and
 * the rows are zipped back together with unnest (cheaper to send and to unpack than one JSON document per
 * chunk). `xmax = 0` tells a fresh row from an updated one.
 *
 * On update: the name is replaced; other fields only where the row has a value (a blank cell never
 * erases); custom fields are merged (the file's keys win). A row marked do-not-call puts its number on
 * the do-not-call list (source "import"); a file never takes a number off it — an opt-out recorded by
 * staff or a call outlives an old spreadsheet, and a number already listed keeps its first reason.
 */
export async function upsertChunk(
  db: RawQueryClient,
  organizationId: string,
  chunk: PreparedChunk,
  addedBy?: { userId: string; email: string },
): Promise<WriteCounts & { audited: AuditedChanges }> {
  if (chunk.size === 0) return { created: 0, updated: 0, unchanged: 0, audited: { ...NO_AUDITED_CHANGES } };
  const c = chunk.contacts;
  // Consent as it was, for the audit's counts: every part of one statement reads the same snapshot, so this
  // sees the rows before the upsert changes them (RETURNING sees only the new row before PostgreSQL 18).
  // Only for chunks that record a consent: a file without one pays nothing.
  const consentBefore = chunk.setsConsent
    ? Prisma.sql`consent_before AS (
        SELECT b."phoneNumber", b."consentBasis" FROM "Contact" b
         WHERE b."organizationId" = ${organizationId} AND b."phoneNumber" = ANY(${c.phoneNumber}::text[])
      ),`
    : Prisma.empty;
  const consentCounts = chunk.setsConsent
    ? Prisma.sql`(count(*) FILTER (WHERE NOT u."inserted" AND u."consentBasis" IS DISTINCT FROM b."consentBasis"))::int AS "consentChanged",
        (count(*) FILTER (WHERE NOT u."inserted" AND u."consentBasis" = 'NONE' AND b."consentBasis" IS DISTINCT FROM 'NONE'))::int AS "consentToNone",
        (count(*) FILTER (WHERE NOT u."inserted" AND b."consentBasis" = 'NONE' AND u."consentBasis" IS DISTINCT FROM 'NONE'))::int AS "consentFromNone"
        FROM upserted u LEFT JOIN consent_before b ON b."phoneNumber" = u."phoneNumber"`
    : Prisma.sql`0 AS "consentChanged", 0 AS "consentToNone", 0 AS "consentFromNone" FROM upserted u`;
  const [result] = await db.$queryRaw<{ created: number; changed: number; consentChanged: number; consentToNone: number; consentFromNone: number }[]>`
    WITH ${consentBefore} upserted AS (
      INSERT INTO "Contact" AS c ("id", "organizationId", "name", "phoneNumber", "email", "businessName", "businessWebsite",
                                  "timezone", "language", "consentBasis", "consentSource", "consentDate", "customFields", "createdAt", "updatedAt")
      SELECT r."id", ${organizationId}, r."name", r."phoneNumber", r."email", r."businessName", r."businessWebsite",
             r."timezone", r."language", r."consentBasis"::"ConsentBasis", r."consentSource", r."consentDate"::date,
             COALESCE(r."customFields", '{}'::jsonb), now(), now()
        FROM unnest(${c.id}::text[], ${c.name}::text[], ${c.phoneNumber}::text[], ${c.email}::text[], ${c.businessName}::text[],
                    ${c.businessWebsite}::text[], ${c.timezone}::text[], ${c.language}::text[], ${c.consentBasis}::text[],
                    ${c.consentSource}::text[], ${c.consentDate}::text[], ${c.customFields}::jsonb[])
          AS r("id", "name", "phoneNumber", "email", "businessName", "businessWebsite", "timezone", "language", "consentBasis", "consentSource", "consentDate", "customFields")
      ON CONFLICT ("organizationId", "phoneNumber") DO UPDATE SET
        "name" = EXCLUDED."name",
        "email" = COALESCE(EXCLUDED."email", c."email"),
        "businessName" = COALESCE(EXCLUDED."businessName", c."businessName"),
        "businessWebsite" = COALESCE(EXCLUDED."businessWebsite", c."businessWebsite"),
        "timezone" = COALESCE(EXCLUDED."timezone", c."timezone"),
        "language" = COALESCE(EXCLUDED."language", c."language"),
        "consentBasis" = COALESCE(EXCLUDED."consentBasis", c."consentBasis"),
        "consentSource" = COALESCE(EXCLUDED."consentSource", c."consentSource"),
        "consentDate" = COALESCE(EXCLUDED."consentDate", c."consentDate"),
        "customFields" = c."customFields" || EXCLUDED."customFields",
        "updatedAt" = now()
      -- A contact the row would not change is left as it is: no new row version and no index entries
      -- (re-importing last month's list rewrites only what changed), and its updatedAt is kept.
      WHERE (c."name", c."email", c."businessName", c."businessWebsite", c."timezone", c."language",
             c."consentBasis", c."consentSource", c."consentDate", c."customFields")
            IS DISTINCT FROM
            (EXCLUDED."name", COALESCE(EXCLUDED."email", c."email"), COALESCE(EXCLUDED."businessName", c."businessName"),
             COALESCE(EXCLUDED."businessWebsite", c."businessWebsite"), COALESCE(EXCLUDED."timezone", c."timezone"),
             COALESCE(EXCLUDED."language", c."language"), COALESCE(EXCLUDED."consentBasis", c."consentBasis"),
             COALESCE(EXCLUDED."consentSource", c."consentSource"), COALESCE(EXCLUDED."consentDate", c."consentDate"),
             c."customFields" || EXCLUDED."customFields")
      RETURNING (xmax = 0) AS "inserted", c."phoneNumber", c."consentBasis"
    )
    SELECT (count(*) FILTER (WHERE u."inserted"))::int AS "created", (count(*) FILTER (WHERE NOT u."inserted"))::int AS "changed", ${consentCounts}`;
  let listed = 0;
  if (chunk.listed) {
    const [inserted] = await db.$queryRaw<{ listed: number }[]>`
      WITH inserted AS (
        INSERT INTO "DoNotCallEntry" ("id", "organizationId", "phoneNumber", "reason", "source", "addedByUserId", "addedByEmail", "createdAt")
        SELECT r."id", ${organizationId}, r."phoneNumber", r."reason", 'IMPORT'::"DoNotCallSource", ${addedBy?.userId ?? null}, ${addedBy?.email ?? null}, now()
          FROM unnest(${chunk.listed.ids}::text[], ${chunk.listed.phoneNumbers}::text[], ${chunk.listed.reasons}::text[])
            AS r("id", "phoneNumber", "reason")
        ON CONFLICT ("organizationId", "phoneNumber") DO NOTHING
        RETURNING 1
      )
      SELECT count(*)::int AS "listed" FROM inserted`;
    listed = inserted?.listed ?? 0;
  }
  // Every row of a chunk has its own number (the checks refuse a repeat), so a row neither created nor
  // changed matched a contact that already held what it says.
  const created = result?.created ?? 0;
  const changed = result?.changed ?? 0;
  const audited = {
    consentChanged: result?.consentChanged ?? 0,
    consentToNone: result?.consentToNone ?? 0,
    consentFromNone: result?.consentFromNone ?? 0,
    listed,
  };
  return { created, updated: chunk.size - created, unchanged: chunk.size - created - changed, audited };
}

export function addWriteCounts(total: WriteCounts, chunk: WriteCounts): void {
  total.created += chunk.created;
  total.updated += chunk.updated;
  total.unchanged += chunk.unchanged;
}
