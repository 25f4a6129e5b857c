import { getDb } from "@/lib/db";

export async function getAgentSettings(organizationId: string) {
  return getDb().organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { elevenLabsAgentId: true, elevenLabsPhoneNumberId: true },
  });
}
