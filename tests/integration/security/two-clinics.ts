import pg from "pg";
import { getDb } from "@/lib/db";
import { createContact, createMember, createOrganization } from "../../factories";
import { createBatchRow } from "../../factories/scheduling";
import { addMember, createInvitation } from "../../factories/settings";
import { createAgentWithToken, EVERY_DAY_9_TO_5, setOpeningHours } from "../../factories/appointments";

/** One clinic with a row of every kind a route can name by id, and the text that would show it leaked. */
export interface Clinic {
  organizationId: string;
  owner: { id: string; email: string; name: string };
  ids: {
    contact: string;
    call: string;
    conversation: string;
    scheduledCall: string;
    batch: string;
    appointment: string;
    staffMembership: string;
    invitation: string;
    voiceAgent: string;
    elevenLabsAgent: string;
    phoneNumber: string;
    elevenLabsPhoneNumber: string;
    checkIn: string;
    doNotCallEntry: string;
  };
  contactPhone: string;
  agentToken: string;
  invitationToken: string;
  invitationEmail: string;
  /** Strings that only this clinic's rows contain: one in any other clinic's answer is a leak. */
  markers: string[];
}

export interface TwoClinics {
  /** The clinic the actor (its OWNER, so no permission stands in the way) belongs to. */
  mine: Clinic;
  /** The other clinic, whose ids the actor tries everywhere. */
  theirs: Clinic;
}

const tomorrowAt10 = () => new Date(Math.ceil(Date.now() / 86_400_000) * 86_400_000 + 34 * 3_600_000);

async function createClinic(label: string, phoneSuffix: string): Promise<Clinic> {
  const organization = await createOrganization({ name: `${label} Clinic ${phoneSuffix}`, timezone: "Etc/UTC" });
  await getDb().organization.update({
    where: { id: organization.id },
    data: { elevenLabsAgentId: `agent_${label.toLowerCase()}`, elevenLabsPhoneNumberId: `phnum_${label.toLowerCase()}` },
  });
  await setOpeningHours(organization.id, EVERY_DAY_9_TO_5);
  const { user: owner } = await createMember("OWNER", organization.id);
  const staff = await addMember(organization.id, "STAFF");
  const contactPhone = `+6125550${phoneSuffix}`;
  const contact = await createContact(organization.id, {
    name: `${label} Patient`,
    phoneNumber: contactPhone,
    email: `${label.toLowerCase()}-patient@example.com`,
  });
  const conversation = `conv_${label.toLowerCase()}_${phoneSuffix}`;
  const call = await getDb().call.create({
    data: {
      organizationId: organization.id,
      contactId: contact.id,
      toNumber: contactPhone,
      status: "INITIATED",
      conversationId: conversation,
      summary: `${label} call summary`,
    },
  });
  const batch = await createBatchRow(organization.id, { name: `${label} batch` });
  const scheduledCall = await getDb().scheduledCall.create({
    data: {
      organizationId: organization.id,
      contactId: contact.id,
      batchId: batch.id,
      fromNumber: "phnum_x",
      agentId: "agent_x",
      scheduledTime: new Date(Date.now() + 86_400_000),
    },
  });
  const checkIn = await getDb().checkIn.create({
    data: { organizationId: organization.id, contactId: contact.id, repeat: "ONCE", minuteOfDay: 600, occurrences: 1, description: `${label} check-in` },
  });
  const appointment = await getDb().appointment.create({
    data: {
      organizationId: organization.id,
      title: "Check-up",
      startsAt: tomorrowAt10(),
      endsAt: new Date(+tomorrowAt10() + 30 * 60_000),
      attendeeName: `${label} Attendee`,
      attendeePhone: contactPhone,
    },
  });
  const { invitation, token: invitationToken } = await createInvitation(organization.id, {
    email: `${label.toLowerCase()}-invitee-${phoneSuffix}@example.com`,
  });
  const { agent, token: agentToken } = await createAgentWithToken(organization.id, `agent_${label.toLowerCase()}`);
  await getDb().voiceAgent.update({ where: { id: agent.id }, data: { name: `${label} Agent` } });
  const phoneNumber = await getDb().phoneNumber.create({
    data: { organizationId: organization.id, phoneNumberId: `phnum_${label.toLowerCase()}`, e164: `+6125551${phoneSuffix}`, label: `${label} line` },
  });
  await getDb().auditEvent.create({
    data: { organizationId: organization.id, action: "SETTINGS_UPDATED", actorUserId: owner.id, actorEmail: owner.email, data: { note: `${label} audit` } },
  });
  await getDb().activityEvent.create({ data: { organizationId: organization.id, type: "CALL_PLACED", message: `${label} activity`, callId: call.id } });
  const doNotCall = await getDb().doNotCallEntry.create({
    data: { organizationId: organization.id, phoneNumber: `+6125552${phoneSuffix}`, reason: `${label} opt-out reason`, source: "STAFF" },
  });
  return {
    organizationId: organization.id,
    owner,
    ids: {
      contact: contact.id,
      call: call.id,
      conversation,
      scheduledCall: scheduledCall.id,
      batch: batch.id,
      appointment: appointment.id,
      staffMembership: staff.membership.id,
      invitation: invitation.id,
      voiceAgent: agent.id,
      elevenLabsAgent: agent.agentId,
      phoneNumber: phoneNumber.id,
      elevenLabsPhoneNumber: phoneNumber.phoneNumberId,
      checkIn: checkIn.id,
      doNotCallEntry: doNotCall.id,
    },
    contactPhone,
    agentToken,
    invitationToken,
    invitationEmail: invitation.email,
    markers: [
      organization.name,
      `${label} Patient`,
      `${label} call summary`,
      `${label} batch`,
      `${label} Attendee`,
      `${label} Agent`,
      `${label} line`,
      `${label} audit`,
      `${label} activity`,
      `${label} check-in`,
      `${label} opt-out reason`,
      invitation.email,
      owner.email,
      staff.user.email,
    ],
  };
}

/** Two clinics built alike: "Alpha" (mine) and "Bravo" (theirs). */
export async function createTwoClinics(): Promise<TwoClinics> {
  return { mine: await createClinic("Alpha", "1001"), theirs: await createClinic("Bravo", "2002") };
}

/**
 * The clinic's own row ids (not the ElevenLabs agent or conversation ids, which another clinic may
 * legitimately hold too) and its organization id.
 */
export function rowIds(clinic: Clinic): string[] {
  const { contact, call, scheduledCall, batch, appointment, staffMembership, invitation, voiceAgent, phoneNumber, checkIn, doNotCallEntry } = clinic.ids;
  return [
    clinic.organizationId,
    contact,
    call,
    scheduledCall,
    batch,
    appointment,
    staffMembership,
    invitation,
    voiceAgent,
    phoneNumber,
    checkIn,
    doNotCallEntry,
  ];
}

/** Strings of `clinic` found in `text`: its markers and row ids, except those the request itself carried. */
export function leakedMarkers(clinic: Clinic, text: string, sent: string): string[] {
  return [...clinic.markers, ...rowIds(clinic)].filter((marker) => !sent.includes(marker) && text.includes(marker));
}

/** The tables with an organizationId column, from the catalog, so new tenant models are covered with no change here. */
async function tenantTables(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'organizationId' ORDER BY table_name`,
  );
  return rows.map((row) => row.table_name);
}

/**
 * Every row of the clinic (each tenant table, its Organization row, its members' User rows) as JSON,
 * for a before/after comparison: equal means nothing of the clinic was written.
 */
export async function snapshotClinic(organizationId: string): Promise<Record<string, unknown[]>> {
  return withClient(async (client) => {
    const snapshot: Record<string, unknown[]> = {};
    for (const table of await tenantTables(client)) {
      snapshot[table] = (await client.query(`SELECT * FROM "${table}" WHERE "organizationId" = $1 ORDER BY 1`, [organizationId])).rows;
    }
    snapshot.Organization = (await client.query(`SELECT * FROM "Organization" WHERE id = $1`, [organizationId])).rows;
    snapshot.User = (
      await client.query(`SELECT u.* FROM "User" u JOIN "Membership" m ON m."userId" = u.id WHERE m."organizationId" = $1 ORDER BY u.id`, [organizationId])
    ).rows;
    return snapshot;
  });
}

/** Rows of `organizationId` (in any tenant table) that mention one of `foreignIds`: a cross-tenant reference. */
export async function rowsReferencing(organizationId: string, foreignIds: readonly string[]): Promise<string[]> {
  return withClient(async (client) => {
    const found: string[] = [];
    for (const table of await tenantTables(client)) {
      const { rows } = await client.query(`SELECT * FROM "${table}" WHERE "organizationId" = $1`, [organizationId]);
      for (const row of rows) {
        const text = JSON.stringify(row);
        for (const id of foreignIds) if (text.includes(id)) found.push(`${table} ${String((row as { id?: string }).id)} mentions ${id}`);
      }
    }
    return found;
  });
}

// One connection for the file's many snapshots; closeSnapshots() ends it.
let shared: Promise<pg.Client> | null = null;

async function withClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  shared ??= (async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    return client;
  })();
  return work(await shared);
}

export async function closeSnapshots(): Promise<void> {
  const client = shared;
  shared = null;
  await (await client)?.end();
}
