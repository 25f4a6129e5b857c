import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { getDb } from "@/lib/db";

/** The signed-in user from our own records (not the token's claims), or null; for routes that need no organization. */
export async function getSessionUser(): Promise<{ id: string; email: string } | null> {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  return getDb().user.findUnique({ where: { id }, select: { id: true, email: true } });
}
