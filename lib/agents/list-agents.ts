import { getDb } from "@/lib/db";

/** The clinic's registered agents with their token prefix — never the hash. */
export async function listAgents(organizationId: string) {
  return getDb().voiceAgent.findMany({
    where: { organizationId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, agentId: true, name: true, staffFacing: true, tokenPrefix: true, tokenCreatedAt: true, createdAt: true },
  });
}
