import { getDb } from "@/lib/db";

let sequence = 0;

/** A clinic line's E.164 number nobody else in this file's database holds (tables are emptied between files). */
export function lineNumber(): string {
  return `+61370109${String(sequence++ % 1000).padStart(3, "0")}`;
}

/**
 * Registers an agent and a phone number to the clinic and makes them its defaults — what an admin does in
 * Settings before the clinic can call. Ids are unique across clinics (an id belongs to one clinic), so
 * each call makes new ones unless given.
 */
export async function registerLine(organizationId: string, ids: Partial<{ agentId: string; phoneNumberId: string; e164: string; setDefault: boolean }> = {}) {
  const n = `${Date.now().toString(36)}${(sequence++).toString(36)}`;
  const agentId = ids.agentId ?? `agent_${n}`;
  const phoneNumberId = ids.phoneNumberId ?? `phnum_${n}`;
  await getDb().voiceAgent.create({ data: { organizationId, agentId, name: "Reception" } });
  await getDb().phoneNumber.create({ data: { organizationId, phoneNumberId, e164: ids.e164 ?? null, label: "Main number" } });
  if (ids.setDefault !== false) {
    await getDb().organization.update({ where: { id: organizationId }, data: { elevenLabsAgentId: agentId, elevenLabsPhoneNumberId: phoneNumberId } });
  }
  return { agentId, phoneNumberId };
}
