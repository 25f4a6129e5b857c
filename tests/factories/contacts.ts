import { getDb } from "@/lib/db";
import type { CallStatus } from "@/lib/generated/prisma/enums";
import { listDoNotCall } from "./do-not-call";

export interface ContactSeed {
  name: string;
  phoneNumber: string;
  email?: string | null;
  businessName?: string | null;
  customFields?: Record<string, string>;
  doNotCall?: boolean;
  createdAt?: Date;
}

/**
 * An AU number in the (02) 5550 xxxx range reserved for fiction, unique per index: 0 → +61255500000.
 * Beyond 10,000 it moves to (03) 7010 xxxx, then (07) 5550 xxxx, also fictional.
 */
export function fictionalPhone(index: number): string {
  const prefixes = ["+6125550", "+6137010", "+6175550", "+6185550"];
  return `${prefixes[Math.floor(index / 10_000)]}${String(index % 10_000).padStart(4, "0")}`;
}

/** Many contacts in one statement; names sort in index order ("Contact 00001", …) unless given. */
export async function createContacts(organizationId: string, count: number, make: (index: number) => Partial<ContactSeed> = () => ({}), offset = 0) {
  const data = Array.from({ length: count }, (_, i) => {
    const index = offset + i;
    const seed = make(index);
    return {
      organizationId,
      name: seed.name ?? `Contact ${String(index).padStart(5, "0")}`,
      phoneNumber: seed.phoneNumber ?? fictionalPhone(index),
      email: seed.email ?? null,
      businessName: seed.businessName ?? null,
      customFields: seed.customFields ?? {},
      doNotCall: seed.doNotCall ?? false,
      ...(seed.createdAt ? { createdAt: seed.createdAt } : {}),
    };
  });
  const listed = data.filter((row) => row.doNotCall).map((row) => row.phoneNumber);
  for (const row of data) delete (row as { doNotCall?: boolean }).doNotCall;
  await getDb().contact.createMany({ data });
  if (listed.length) await listDoNotCall(organizationId, listed);
  return getDb().contact.findMany({
    where: { organizationId, phoneNumber: { in: data.map((d) => d.phoneNumber) } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}

export async function createCall(
  organizationId: string,
  contactId: string | null,
  overrides: Partial<{ outcome: string | null; status: CallStatus; createdAt: Date; toNumber: string }> = {},
) {
  return getDb().call.create({
    data: {
      organizationId,
      contactId,
      toNumber: overrides.toNumber ?? "+61255500000",
      status: overrides.status ?? "COMPLETED",
      outcome: overrides.outcome ?? null,
      ...(overrides.createdAt ? { createdAt: overrides.createdAt } : {}),
    },
  });
}

export async function createScheduledCall(organizationId: string, contactId: string) {
  return getDb().scheduledCall.create({
    data: { organizationId, contactId, fromNumber: "phnum_test", agentId: "agent_test", scheduledTime: new Date(Date.now() + 3_600_000) },
  });
}

/** CSV text from a header and rows (cells with , " or line breaks quoted). */
export function csv(header: readonly string[], rows: readonly (readonly (string | number)[])[], eol = "\n"): string {
  const cell = (value: string | number) => {
    const text = String(value);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return [header, ...rows].map((row) => row.map(cell).join(",")).join(eol) + eol;
}
