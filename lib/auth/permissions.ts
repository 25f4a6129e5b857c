import type { Role } from "@/lib/generated/prisma/enums";

/** One table of who may do what. A permission not listed, or a role not known, gets nothing. */
const PERMISSIONS = {
  "organization.read": ["OWNER", "ADMIN", "STAFF"],
  "contacts.read": ["OWNER", "ADMIN", "STAFF"],
  "contacts.write": ["OWNER", "ADMIN", "STAFF"],
  "contacts.import": ["OWNER", "ADMIN", "STAFF"],
  "calls.read": ["OWNER", "ADMIN", "STAFF"],
  "calls.place": ["OWNER", "ADMIN", "STAFF"],
  "calls.schedule": ["OWNER", "ADMIN", "STAFF"],
  // One call by hand outside the patient's hours or over their call limit, with a reason (audited).
  "calls.override_rules": ["OWNER", "ADMIN"],
  "appointments.read": ["OWNER", "ADMIN", "STAFF"],
  "appointments.write": ["OWNER", "ADMIN", "STAFF"],
  "settings.read": ["OWNER", "ADMIN", "STAFF"],
  "settings.manage": ["OWNER", "ADMIN"],
  "members.read": ["OWNER", "ADMIN", "STAFF"],
  "members.manage": ["OWNER", "ADMIN"],
  // Making, demoting, removing or inviting an OWNER: only owners (an admin cannot promote themselves).
  "members.manage_owners": ["OWNER"],
  // Voice agents and their tool tokens, the configuration check and the test call.
  "agents.manage": ["OWNER", "ADMIN"],
  "audit.read": ["OWNER", "ADMIN"],
  // The do-not-call list: anyone can see it and put a number on it; taking one off is an admin's call.
  "doNotCall.read": ["OWNER", "ADMIN", "STAFF"],
  "doNotCall.add": ["OWNER", "ADMIN", "STAFF"],
  "doNotCall.remove": ["OWNER", "ADMIN"],
  "organization.delete": ["OWNER"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: string | null | undefined, permission: Permission): boolean {
  if (!role) return false;
  const allowed: readonly string[] = PERMISSIONS[permission] ?? [];
  return allowed.includes(role);
}
