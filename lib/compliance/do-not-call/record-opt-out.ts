import { getDb } from "@/lib/db";
import { recordActivity } from "@/lib/activity/record-activity";
import { formatPhoneForDisplay } from "@/lib/contacts/normalize-phone";
import { recordAuditEvent } from "@/lib/compliance/record-audit-event";
import { addToDoNotCall } from "@/lib/compliance/do-not-call/add-to-do-not-call";
import { lockDoNotCallForChange } from "@/lib/compliance/do-not-call/do-not-call-lock";

export interface OptOut {
  organizationId: string;
  /** E.164, decided by the server (the number dialed or the caller), never taken from a tool's body. */
  phoneNumber: string;
  source: "AGENT_OPT_OUT" | "CALL_ANALYSIS";
  callId: string | null;
  conversationId: string | null;
  /** What was heard: the agent's note, or the patient's sentence the analysis matched. */
  evidence: string | null;
}

const HOW: Record<OptOut["source"], string> = { AGENT_OPT_OUT: "during the call", CALL_ANALYSIS: "in a call (found after it ended)" };

/**
 * A patient took back consent: the number goes on the do-not-call list at once, with an audit record and
 * a feed entry, in one transaction that commits under the clinic's do-not-call lock (a dial to the number
 * that has not been marked sent by then is refused). A number already listed changes nothing and records nothing twice
 * (the agent's tool and the post-call analysis often both see the same opt-out).
 */
export async function recordOptOut(optOut: OptOut): Promise<{ added: boolean }> {
  return getDb().$transaction(async (tx) => {
    const { entry, added } = await addToDoNotCall(tx, {
      organizationId: optOut.organizationId,
      phoneNumber: optOut.phoneNumber,
      reason: optOut.evidence ? `Asked not to be called: “${optOut.evidence.slice(0, 200)}”` : "Asked not to be called",
      source: optOut.source,
      callId: optOut.callId,
    });
    if (!added) return { added };
    const [contact, organization] = await Promise.all([
      tx.contact.findUnique({
        where: { organizationId_phoneNumber: { organizationId: optOut.organizationId, phoneNumber: optOut.phoneNumber } },
        select: { id: true, name: true },
      }),
      tx.organization.findUniqueOrThrow({ where: { id: optOut.organizationId }, select: { defaultCountry: true } }),
    ]);
    const who = contact?.name ?? formatPhoneForDisplay(optOut.phoneNumber, organization.defaultCountry);
    const data = { phoneNumber: optOut.phoneNumber, source: optOut.source, conversationId: optOut.conversationId, evidence: optOut.evidence };
    await recordAuditEvent(tx, {
      organizationId: optOut.organizationId,
      action: "PATIENT_OPTED_OUT",
      actor: null,
      targetType: "do_not_call_entry",
      targetId: entry.id,
      data,
    });
    await recordActivity(tx, {
      organizationId: optOut.organizationId,
      type: "PATIENT_OPTED_OUT",
      message: `${who} asked not to be called again ${HOW[optOut.source]}: on the do-not-call list now`,
      contactId: contact?.id ?? null,
      callId: optOut.callId,
      data,
    });
    // Last: a dial in flight to the number either saw the entry or was marked sent before it commits.
    await lockDoNotCallForChange(tx, optOut.organizationId);
    return { added };
  });
}
