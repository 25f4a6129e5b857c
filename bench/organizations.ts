// The bench's own organizations (ids bench_<run>_…), and the SQL that fills them fast. Every suite
// deletes the organizations it made (the cascade takes their rows); nothing else is touched.
import type { Db } from "../lib/db";
import { zoneAtNoon } from "../tests/factories/clock-zones";
import { seedContactsSql } from "./seed-contacts.sql";

// Where it is about noon now (clinic hours and patients' legal hours open for the whole run): the tests' helper.
export { zoneAtNoon };

/** One bench run's tag: organizations of two runs never share an id. */
export const RUN = Date.now().toString(36);

export const benchId = (name: string) => `bench_${RUN}_${name}`;

export const AGENT_ID = "agent_bench";
export const PHONE_NUMBER_ID = "phnum_bench";

interface OrganizationSettings {
  timezone?: string;
  concurrencyLimit?: number;
  /** Calls every day around the clock (legal hours still apply): due calls are dialed now. */
  openAllDay?: boolean;
}

/** The agent and phone-number ids an organization of the bench registers (ids are unique across clinics). */
export const agentIdOf = (organizationId: string) => `${AGENT_ID}_${organizationId}`;
export const phoneNumberIdOf = (organizationId: string) => `${PHONE_NUMBER_ID}_${organizationId}`;

/**
 * An organization with an agent and a number of its own, registered and set as its defaults (every dial
 * checks the clinic owns them); the clinic defaults otherwise (Mon–Fri 09:00–17:00, 2-minute stagger).
 */
export async function createBenchOrganization(db: Db, id: string, settings: OrganizationSettings = {}): Promise<string> {
  await db.organization.create({
    data: {
      id,
      name: id,
      slug: id.replaceAll("_", "-"),
      timezone: settings.timezone ?? "Australia/Sydney",
      defaultCountry: "AU",
      locale: "en-AU",
      elevenLabsAgentId: agentIdOf(id),
      elevenLabsPhoneNumberId: phoneNumberIdOf(id),
      voiceAgents: { create: { agentId: agentIdOf(id), name: "Bench reception" } },
      phoneNumbers: { create: { phoneNumberId: phoneNumberIdOf(id), label: "Bench line" } },
      ...(settings.concurrencyLimit ? { concurrencyLimit: settings.concurrencyLimit } : {}),
      ...(settings.openAllDay ? { callingDays: [1, 2, 3, 4, 5, 6, 7], callingWindowStart: 0, callingWindowEnd: 1440 } : {}),
    },
  });
  return id;
}

export async function deleteBenchOrganizations(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await db.$executeRawUnsafe(`DELETE FROM "Organization" WHERE "id" = ANY($1::text[])`, [...ids]);
}

/** A user to act as (batches and activity name who scheduled them). */
export async function createBenchUser(db: Db, id: string): Promise<string> {
  await db.user.create({ data: { id, email: `${id}@bench.invalid`, name: "Bench User", passwordHash: "-" } });
  return id;
}

/** What autovacuum would have done between two benches: fresh statistics, no dead rows left to scan. */
export async function vacuumCallTables(db: Db): Promise<void> {
  for (const table of ["Contact", "ScheduledCall", "Call", "ActivityEvent"]) await db.$executeRawUnsafe(`VACUUM ANALYZE "${table}"`);
}

/**
 * `count` callable contacts in an open-all-day organization (in the zone where it is noon, none on the
 * do-not-call list), each with one PENDING call due a second ago: what the dispatcher finds.
 */
export async function seedDueCalls(db: Db, organizationId: string, count: number): Promise<void> {
  await db.$executeRawUnsafe(seedContactsSql(organizationId, count, 0));
  await db.$executeRawUnsafe(`DELETE FROM "DoNotCallEntry" WHERE "organizationId" = $1`, organizationId);
  await db.$executeRawUnsafe(`UPDATE "Contact" SET "timezone" = $2 WHERE "organizationId" = $1`, organizationId, zoneAtNoon());
  await db.$executeRawUnsafe(
    `INSERT INTO "ScheduledCall" ("id", "organizationId", "contactId", "fromNumber", "agentId", "scheduledTime", "status", "maxAttempts", "createdAt", "updatedAt")
     SELECT 'benchdue' || c."id", c."organizationId", c."id", $2, $3, now() - interval '1 second', 'PENDING', 3, now(), now()
       FROM "Contact" c WHERE c."organizationId" = $1`,
    organizationId,
    phoneNumberIdOf(organizationId),
    agentIdOf(organizationId),
  );
}
