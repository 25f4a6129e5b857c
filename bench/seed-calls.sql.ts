// SQL that fills an organization with finished calls fast (generate_series, one statement), so the
// bench measures reading, not seeding.

const OUTCOMES = `(ARRAY['resolved','resolved','callback','escalated','voicemail','no_answer','not_interested'])`;

interface SeedCallsOptions {
  /** Continue an earlier statement's series: call i runs from + 1 … from + count. */
  from?: number;
  /** Link call i to the seeded contact number 1 + i % contacts (bench/seed-contacts.sql.ts ids). */
  contacts?: number;
}

/**
 * `count` finished calls for `organizationId` (a literal the caller controls), one every 20 s back from
 * now (4,320 a day), with summary, title and outcome as searchText, as the app writes it (the spoken turns
 * are stored sealed and never searched); one in five inbound.
 */
export function seedCallsSql(organizationId: string, count: number, { from = 0, contacts }: SeedCallsOptions): string {
  const contactId = contacts ? `'bench' || md5('${organizationId}' || (1 + i % ${contacts}))` : "NULL";
  return `INSERT INTO "Call" ("id", "organizationId", "contactId", "direction", "toNumber", "status", "outcome", "intent", "sentiment", "summary", "summaryTitle", "searchText", "durationSeconds", "createdAt", "updatedAt")
    SELECT '${organizationId}_' || lpad(i::text, 7, '0'), '${organizationId}', ${contactId},
           (CASE WHEN i % 5 = 0 THEN 'INBOUND' ELSE 'OUTBOUND' END)::"CallDirection", '+6125550' || lpad((i % 10000)::text, 4, '0'), 'COMPLETED',
           ${OUTCOMES}[1 + i % 7], CASE WHEN i % 7 < 2 THEN 'scheduling' END, (ARRAY['positive','neutral','negative'])[1 + i % 3],
           'Patient ' || i || ' talked about ' || (ARRAY['a check-up','their invoice','a repeat script','blood test results'])[1 + i % 4], 'Call ' || i,
           'Patient ' || i || ' talked about ' || (ARRAY['a check-up','their invoice','a repeat script','blood test results'])[1 + i % 4]
             || E'\\nCall ' || i || E'\\n' || replace(${OUTCOMES}[1 + i % 7], '_', ' '),
           30 + i % 300, now() - make_interval(secs => i * 20), now()
      FROM generate_series(${from + 1}, ${from + count}) AS i`;
}
