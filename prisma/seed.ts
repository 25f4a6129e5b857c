/**
 * Demo data for a fresh database (`npm run db:seed`; `npm run dev` runs it on first start).
 * Idempotent: an existing organization, user or contact is left as it is.
 */
import { getDb, type Db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/generated/prisma/enums";
import { demoContacts } from "./seed-data/demo-contacts";
import { DEMO_AGENT_TOKEN_FILE } from "../scripts/dev/demo-agent-tools";
import { seedDemoHistory } from "./seed-data/demo-history/seed-demo-history";

export const DEMO_PASSWORD = "callboard-demo";
export const DEMO_ADMIN_EMAIL = "admin@sunrise.example";
export const DEMO_STAFF_EMAIL = "staff@sunrise.example";
export const DEMO_OWNER_EMAIL = "owner@sunrise.example";
export const SECOND_OWNER_EMAIL = "owner@harbourphysio.example";

async function upsertOrganization(
  db: Db,
  data: { name: string; slug: string; timezone: string; defaultCountry: string; locale: string; elevenLabsAgentId: string; elevenLabsPhoneNumberId: string },
) {
  return db.organization.upsert({ where: { slug: data.slug }, update: {}, create: data, select: { id: true, name: true } });
}

/**
 * The clinic's own agent and number, registered as Settings → Agents and phone numbers would (every dial
 * checks them). No tool token: `npm run dev` makes one for the simulator (scripts/dev/demo-agent-tools.ts),
 * and an admin makes one in Settings for a real agent.
 */
async function registerDemoLine(
  db: Db,
  organizationId: string,
  line: { agentId: string; agentName: string; phoneNumberId: string; e164: string; label: string },
) {
  await db.voiceAgent.upsert({ where: { agentId: line.agentId }, update: {}, create: { organizationId, agentId: line.agentId, name: line.agentName } });
  await db.phoneNumber.upsert({
    where: { phoneNumberId: line.phoneNumberId },
    update: {},
    create: { organizationId, phoneNumberId: line.phoneNumberId, e164: line.e164, label: line.label },
  });
}

async function upsertUser(db: Db, email: string, name: string, passwordHash: string) {
  return db.user.upsert({ where: { email }, update: {}, create: { email, name, passwordHash }, select: { id: true } });
}

async function addMember(db: Db, userId: string, organizationId: string, role: Role) {
  await db.membership.upsert({
    where: { userId_organizationId: { userId, organizationId } },
    update: {},
    create: { userId, organizationId, role },
  });
}

export async function seed(db: Db) {
  const sunrise = await upsertOrganization(db, {
    name: "Sunrise Family Clinic",
    slug: "sunrise-family-clinic",
    timezone: "Australia/Sydney",
    defaultCountry: "AU",
    locale: "en-AU",
    // IDs the built-in ElevenLabs simulator accepts; replace them in Settings with your real agent.
    elevenLabsAgentId: "agent_sim_sunrise_reception",
    elevenLabsPhoneNumberId: "phnum_sim_sunrise_main",
  });
  const harbour = await upsertOrganization(db, {
    name: "Harbour Physiotherapy",
    slug: "harbour-physiotherapy",
    timezone: "Australia/Melbourne",
    defaultCountry: "AU",
    locale: "en-AU",
    elevenLabsAgentId: "agent_sim_harbour_front_desk",
    elevenLabsPhoneNumberId: "phnum_sim_harbour_main",
  });

  // Numbers outside the demo contacts' (02) 5550 0000–0199 and (03) 7010 0000–0039, all fictional.
  await registerDemoLine(db, sunrise.id, {
    agentId: "agent_sim_sunrise_reception",
    agentName: "Reception",
    phoneNumberId: "phnum_sim_sunrise_main",
    e164: "+61255508000",
    label: "Main line",
  });
  await registerDemoLine(db, harbour.id, {
    agentId: "agent_sim_harbour_front_desk",
    agentName: "Front desk",
    phoneNumberId: "phnum_sim_harbour_main",
    e164: "+61370108000",
    label: "Main line",
  });

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const admin = await upsertUser(db, DEMO_ADMIN_EMAIL, "Alex Morgan", passwordHash);
  const staff = await upsertUser(db, DEMO_STAFF_EMAIL, "Sam Taylor", passwordHash);
  const owner = await upsertUser(db, SECOND_OWNER_EMAIL, "Jordan Lee", passwordHash);
  // Every clinic has an owner, as one made at sign-up does: the last owner can neither leave nor be removed.
  const sunriseOwner = await upsertUser(db, DEMO_OWNER_EMAIL, "Riley Chen", passwordHash);
  await addMember(db, sunriseOwner.id, sunrise.id, "OWNER");
  await addMember(db, admin.id, sunrise.id, "ADMIN");
  await addMember(db, staff.id, sunrise.id, "STAFF");
  await addMember(db, owner.id, harbour.id, "OWNER");
  // The demo admin also helps out at the second clinic, so the organization switcher has a use.
  await addMember(db, admin.id, harbour.id, "ADMIN");

  const sunriseContacts = await seedContacts(db, sunrise.id, demoContacts(200, 20261122, "+6125550"));
  const harbourContacts = await seedContacts(db, harbour.id, demoContacts(40, 7, "+6137010"));
  return { organizations: [sunrise.name, harbour.name], contactsCreated: sunriseContacts.count + harbourContacts.count };
}

/** Demo contacts, and the numbers of those who asked not to be called on the clinic's do-not-call list. */
async function seedContacts(db: Db, organizationId: string, contacts: ReturnType<typeof demoContacts>) {
  const created = await db.contact.createMany({
    data: contacts.map((c) => ({
      name: c.name,
      phoneNumber: c.phoneNumber,
      email: c.email,
      businessName: c.businessName,
      businessWebsite: c.businessWebsite,
      customFields: c.customFields,
      timezone: c.timezone,
      organizationId,
    })),
    skipDuplicates: true,
  });
  await db.doNotCallEntry.createMany({
    data: contacts.filter((c) => c.doNotCall).map((c) => ({ organizationId, phoneNumber: c.phoneNumber, reason: c.doNotCallReason, source: "STAFF" as const })),
    skipDuplicates: true,
  });
  return created;
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set: seed which database? (`npm run dev` sets it for the embedded database.)");
    process.exit(1);
  }
  // The process's one client: the domain functions the demo history goes through use it too.
  const db = getDb();
  try {
    const result = await seed(db);
    console.log(`Seeded ${result.organizations.join(" and ")} (${result.contactsCreated} new contacts). Sign in as ${DEMO_ADMIN_EMAIL} / ${DEMO_PASSWORD}.`);
    const history = await seedDemoHistory(db, { databaseUrl: url, tokenFile: DEMO_AGENT_TOKEN_FILE, log: (line) => console.log(`[demo history] ${line}`) });
    if (!history.made) console.log(`Demo history: not added, ${history.reason}.`);
    else {
      const { calls, inbound, appointments, pending, failed } = history.summary;
      console.log(
        `Demo history: the last two weeks of the demo clinics — ${calls} calls (${inbound} inbound), ${appointments} appointments, ${pending} calls waiting, ${failed} failed — in ${(history.ms / 1000).toFixed(1)} s.`,
      );
    }
  } finally {
    await db.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
}
