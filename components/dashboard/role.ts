const ROLE_LABELS: Record<string, string> = { OWNER: "Owner", ADMIN: "Admin", STAFF: "Staff" };

export function roleLabel(role: string): string {
  return ROLE_LABELS[role] ?? role;
}
