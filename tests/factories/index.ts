import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import { getDb } from "@/lib/db";
import { zoneAtNoon } from "./dispatch";
import type { ConsentBasis, Role } from "@/lib/generated/prisma/enums";

// Low bcrypt cost: factories make many users and the hash strength is not under test here.
const FACTORY_PASSWORD = "factory-password";
const FACTORY_HASH = bcrypt.hashSync(FACTORY_PASSWORD, 4);

let sequence = 0;
const next = () => `${Date.now().toString(36)}${(sequence++).toString(36)}`;

export async function createOrganization(overrides: Partial<{ name: string; timezone: string; defaultCountry: string; locale: string }> = {}) {
  const id = next();
  return getDb().organization.create({
    data: {
      name: overrides.name ?? `Clinic ${id}`,
      slug: `clinic-${id}`,
      timezone: overrides.timezone ?? "Australia/Sydney",
      defaultCountry: overrides.defaultCountry ?? "AU",
      locale: overrides.locale ?? "en-AU",
    },
  });
}

export async function createUser(overrides: Partial<{ email: string; name: string }> = {}) {
  const user = await getDb().user.create({
    data: {
      email: overrides.email ?? `user-${randomUUID()}@example.com`,
      name: overrides.name ?? "Test User",
      passwordHash: FACTORY_HASH,
    },
  });
  return { ...user, password: FACTORY_PASSWORD };
}

/** A user who belongs to a new organization with the given role. */
export async function createMember(role: Role = "STAFF", organizationId?: string) {
  const organization = organizationId ? await getDb().organization.findUniqueOrThrow({ where: { id: organizationId } }) : await createOrganization();
  const user = await createUser();
  await getDb().membership.create({ data: { userId: user.id, organizationId: organization.id, role } });
  return { user, organization };
}

let phoneSequence = 0;
/**
 * A patient in a zone where it is about noon now (unless `timezone` says otherwise), so "Call now" is inside
 * their legal hours whenever the tests run; their number is Australian fiction either way.
 */
export async function createContact(
  organizationId: string,
  overrides: Partial<{ name: string; phoneNumber: string; email: string; timezone: string | null; consentBasis: ConsentBasis | null }> = {},
) {
  // (02) 5550 xxxx is reserved for fiction in Australia.
  const phoneNumber = overrides.phoneNumber ?? `+6125550${String(phoneSequence++ % 10_000).padStart(4, "0")}`;
  return getDb().contact.create({
    data: {
      organizationId,
      name: overrides.name ?? "Jane Citizen",
      phoneNumber,
      email: overrides.email ?? null,
      customFields: {},
      timezone: overrides.timezone === undefined ? zoneAtNoon() : overrides.timezone,
      consentBasis: overrides.consentBasis ?? null,
    },
  });
}

export { lineNumber, registerLine } from "./lines";
