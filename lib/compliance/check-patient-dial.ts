import { TZDate } from "@date-fns/tz";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RawQueryClient } from "@/lib/prisma/raw-query-client";
import { isOpen, minuteToClock } from "@/lib/scheduling/calling-window";
import { clinicWindow, type CallingRules } from "@/lib/scheduling/plan-batch";
import { capBlock, capPolicyFor, nextAllowedTime, type CapSettings } from "@/lib/compliance/frequency-cap";
import { CAP_LOOKBACK_MS, loadPatientCallTimes } from "@/lib/compliance/patient-call-times";
import { recipientLegalWindow, stateRuleFor } from "@/lib/compliance/state-calling-rules";

export interface PatientDialInput {
  organizationId: string;
  contactId: string;
  /** E.164: its area code decides a state's rule. */
  toNumber: string;
  /** The patient's zone (recipientTimeZone). */
  zone: string;
  rules: CallingRules & CapSettings;
  now: Date;
  /** The attempt being checked, when its Call row is already written. */
  excludeCallId?: string | null;
  /** Also require the clinic's calling hours (a scheduled call); "Call now" needs only the patient's hours. */
  clinicHours: boolean;
}

/**
 * The per-patient lock, held to commit, as SQL: dials to one patient are counted one after another. The
 * count must come in a later statement than the lock, whose snapshot sees what the lock waited for. (The
 * dispatcher's `callboard_start_scheduled_attempt` takes the same lock by the same key.)
 */
function patientDialLock(contactId: string): Prisma.Sql {
  return Prisma.sql`pg_advisory_xact_lock(hashtextextended(${`callboard:patient-dials:${contactId}`}, 0))`;
}

export type PatientDialVerdict =
  | { ok: true }
  | {
      ok: false;
      /** "hours": outside the patient's legal hours (or the clinic's, for a scheduled call); "cap": too many calls. */
      rule: "hours" | "cap";
      /** Plain words: why not now. */
      reason: string;
      /** The first time inside the clinic's calling hours, the patient's hours and the caps; null when none comes in two weeks. */
      nextAllowedAt: Date | null;
    };

/**
 * May this patient be dialed now? Their legal hours (08:00–21:00 their time, 08:00–20:00 in Florida and
 * Oklahoma), the clinic's frequency caps counted from every dial made, a state's 24-hour limit. Inside a
 * transaction it first takes a per-patient lock held to commit, so two dials to one patient at once are
 * counted one after the other (the dial's Call row is written in that same transaction).
 */
export async function checkPatientDial(db: RawQueryClient, input: PatientDialInput): Promise<PatientDialVerdict> {
  await db.$queryRaw`SELECT 1 AS "locked" FROM ${patientDialLock(input.contactId)}`;
  const since = new Date(+input.now - CAP_LOOKBACK_MS);
  const calls =
    (await loadPatientCallTimes(db, input.organizationId, [input.contactId], { since, excludeCallId: input.excludeCallId })).get(input.contactId) ?? [];
  return judgePatientDial(calls, input);
}

/** The verdict of checkPatientDial on the patient's calls as already read (`calls`: when each was dialed, within CAP_LOOKBACK_MS). */
export function judgePatientDial(
  calls: readonly number[],
  input: Omit<PatientDialInput, "organizationId" | "contactId" | "excludeCallId">,
): PatientDialVerdict {
  const { rules, zone, toNumber, now } = input;
  const policy = capPolicyFor(rules, zone, toNumber);
  const legal = recipientLegalWindow(zone, toNumber);
  const clinic = clinicWindow(rules);
  const windows = input.clinicHours ? [clinic, legal] : [legal];
  const here = nextAllowedTime(+now, windows, calls, policy);
  if (here.at === +now) return { ok: true };

  const offer = input.clinicHours ? here : nextAllowedTime(+now, [clinic, legal], calls, policy);
  const nextAllowedAt = offer.at === null ? null : new Date(offer.at);
  if (!isOpen(now, legal)) {
    const state = stateRuleFor(toNumber);
    const local = new TZDate(+now, zone);
    const clock = minuteToClock(local.getHours() * 60 + local.getMinutes());
    const hours = `${minuteToClock(legal.startMinute)}–${minuteToClock(legal.endMinute)}`;
    return {
      ok: false,
      rule: "hours",
      reason: `it is ${clock} where the patient is (${zone}), outside ${hours} their time${state ? ` (${state.state} law, ${state.source})` : ""}`,
      nextAllowedAt,
    };
  }
  const block = capBlock(+now, calls, policy);
  if (block) return { ok: false, rule: "cap", reason: `the patient was ${block.reason}`, nextAllowedAt };
  return { ok: false, rule: "hours", reason: "it is outside the clinic's calling hours", nextAllowedAt };
}
