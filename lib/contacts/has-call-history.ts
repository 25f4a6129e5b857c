import { getDb } from "@/lib/db";

/** Whether the organization has any call yet: the contacts list shows its "Last call" column from then on. */
export async function hasCallHistory(organizationId: string): Promise<boolean> {
  return (await getDb().call.findFirst({ where: { organizationId }, select: { id: true } })) !== null;
}
