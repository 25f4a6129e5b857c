import type { AuditAction } from "@/lib/generated/prisma/enums";

/** Each audit action in words: a record over the enum, so a new action cannot land without its label. */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  SETTINGS_UPDATED: "Settings changed",
  CALLING_RULES_UPDATED: "Calling rules changed",
  MEMBER_INVITED: "Member invited",
  INVITATION_REVOKED: "Invitation withdrawn",
  INVITATION_ACCEPTED: "Invitation accepted",
  MEMBER_ROLE_CHANGED: "Role changed",
  MEMBER_REMOVED: "Member removed",
  MEMBER_LEFT: "Member left",
  AGENT_REGISTERED: "Agent added",
  AGENT_REMOVED: "Agent removed",
  AGENT_TOKEN_GENERATED: "Agent token replaced",
  CONFIGURATION_CHECKED: "Configuration checked",
  TEST_CALL_PLACED: "Test call placed",
  CALL_TRANSCRIPT_VIEWED: "Transcript viewed",
  PHONE_NUMBER_REGISTERED: "Phone number added",
  PHONE_NUMBER_REMOVED: "Phone number removed",
  AGENT_UPDATED: "Agent changed",
  CALLBACK_CONFIRMED: "Call back confirmed",
  ATTENTION_DONE: "Follow-up marked done",
  BATCH_PAUSED: "Batch paused",
  BATCH_RESUMED: "Batch resumed",
  BATCH_RETRIED: "Batch retried",
  DO_NOT_CALL_ADDED: "Added to do-not-call list",
  DO_NOT_CALL_REMOVED: "Removed from do-not-call list",
  DO_NOT_CALL_IMPORTED: "Do-not-call list imported",
  PATIENT_OPTED_OUT: "Patient opted out",
  CALL_RULES_OVERRIDDEN: "Call placed outside the rules",
  CALLS_EXPORTED: "Calls exported",
  CONTACTS_EXPORTED: "Contacts exported",
  TRANSCRIPTS_PURGED: "Old transcripts deleted",
  CONSENT_CHANGED: "Consent changed",
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action as AuditAction] ?? action;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

function fields(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * An entry's change in words: `key: before → after` for each field changed, then what else was recorded
 * with it (`data`: an override's reason, the number added to the do-not-call list…). Times stored as ISO
 * strings are shown with `formatTime` (the clinic's zone), not in UTC.
 */
export function describeAuditChange(entry: { before: unknown; after: unknown; data: unknown }, formatTime: (at: Date) => string): string {
  const show = (value: unknown) => (typeof value === "string" && ISO_TIME.test(value) ? formatTime(new Date(value)) : JSON.stringify(value));
  const b = fields(entry.before);
  const a = fields(entry.after);
  const data = fields(entry.data);
  const changed = [...new Set([...Object.keys(b), ...Object.keys(a)])].map((key) =>
    key in b && key in a ? `${key}: ${show(b[key])} → ${show(a[key])}` : key in a ? `${key}: ${show(a[key])}` : `${key} was ${show(b[key])}`,
  );
  const noted = Object.keys(data)
    .filter((key) => !(key in a) && !(key in b))
    .map((key) => `${key}: ${show(data[key])}`);
  return [...changed, ...noted].join("; ");
}
