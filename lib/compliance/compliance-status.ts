import { callingHoursLine } from "@/lib/compliance/status/calling-hours-line";
import { frequencyCapLine } from "@/lib/compliance/status/frequency-cap-line";
import { doNotCallLine } from "@/lib/compliance/status/do-not-call-line";
import { consentLine } from "@/lib/compliance/status/consent-line";
import { optOutsLine } from "@/lib/compliance/status/opt-outs-line";
import { webhookSecretLine } from "@/lib/compliance/status/webhook-secret-line";
import { encryptionKeyLine } from "@/lib/compliance/status/encryption-key-line";
import { retentionLine } from "@/lib/compliance/status/retention-line";
import type { ComplianceLine, ComplianceLineProducer } from "@/lib/compliance/status/compliance-line";

export type { ComplianceLine } from "@/lib/compliance/status/compliance-line";

/**
 * The lines of Settings → Compliance, in order. Each is a small producer in lib/compliance/status/: add a
 * rule by adding its file and one entry here.
 */
const PRODUCERS: readonly ComplianceLineProducer[] = [
  callingHoursLine,
  doNotCallLine,
  consentLine,
  optOutsLine,
  webhookSecretLine,
  frequencyCapLine,
  retentionLine,
  encryptionKeyLine,
];

/** What the clinic's compliance set-up is, in plain words, each line on or off. */
export async function complianceStatus(organizationId: string, now: Date = new Date()): Promise<ComplianceLine[]> {
  const lines = await Promise.all(PRODUCERS.map((produce) => produce({ organizationId, now })));
  return lines.filter((line): line is ComplianceLine => line !== null);
}
