import type { DbClient } from "@/lib/db";
import type { ConsentBasis } from "@/lib/generated/prisma/enums";
import { changedFields, recordAuditEvent, type AuditActor } from "@/lib/compliance/record-audit-event";

export interface ConsentFields {
  consentBasis: ConsentBasis | null;
  consentSource: string | null;
  consentDate: Date | null;
}

/** The consent as the audit log keeps it: the day as YYYY-MM-DD, like the form and the import. */
function consentOf(contact: ConsentFields) {
  return {
    consentBasis: contact.consentBasis,
    consentSource: contact.consentSource,
    consentDate: contact.consentDate?.toISOString().slice(0, 10) ?? null,
  };
}

/**
 * Audits an edit of a contact's consent — what the patient agreed to be called about (to or from "none"
 * decides whether Callboard may call at all), how and when — with only the fields that changed, before →
 * after, in the edit's transaction. An edit that leaves the consent as it was records nothing.
 */
export async function recordConsentChange(
  tx: DbClient,
  organizationId: string,
  actor: AuditActor,
  contact: { id: string; name: string },
  before: ConsentFields,
  after: ConsentFields,
): Promise<void> {
  const change = changedFields(consentOf(before), consentOf(after));
  if (!change) return;
  await recordAuditEvent(tx, {
    organizationId,
    action: "CONSENT_CHANGED",
    actor,
    targetType: "contact",
    targetId: contact.id,
    ...change,
    data: { contact: contact.name },
  });
}
