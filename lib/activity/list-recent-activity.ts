import { getDb } from "@/lib/db";

export const FEED_LENGTH = 12;

/** The clinic's latest feed entries, newest first, with the contact's name where the contact still exists. */
export async function listRecentActivity(organizationId: string, limit = FEED_LENGTH) {
  const db = getDb();
  const events = await db.activityEvent.findMany({
    where: { organizationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, type: true, message: true, createdAt: true, callId: true, contactId: true, data: true },
  });
  const contactIds = [...new Set(events.flatMap((event) => (event.contactId ? [event.contactId] : [])))];
  const contacts = contactIds.length ? await db.contact.findMany({ where: { organizationId, id: { in: contactIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(contacts.map((contact) => [contact.id, contact.name]));
  return events.map((event) => ({ ...event, contactName: event.contactId ? (names.get(event.contactId) ?? null) : null }));
}

export type FeedEntry = Awaited<ReturnType<typeof listRecentActivity>>[number];
