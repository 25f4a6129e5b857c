import { getDb } from "@/lib/db";
import { findDoNotCall } from "@/lib/compliance/do-not-call/find-do-not-call";

/** A contact as the API shows it: its columns, and whether its number is on the do-not-call list (the list decides). */
export async function contactWithDoNotCall<T extends { organizationId: string; phoneNumber: string }>(contact: T) {
  const mark = await findDoNotCall(getDb(), contact.organizationId, contact.phoneNumber);
  return { ...contact, doNotCall: mark !== null, doNotCallReason: mark?.reason ?? null };
}
