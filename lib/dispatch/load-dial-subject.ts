import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { organizationRulesSelect, type OrganizationCallingRules } from "@/lib/scheduling/load-calling-rules";
import { dialLineSql, type DialLineRow } from "@/lib/agents/resolve-dial-line";
import type { DoNotCallMark } from "@/lib/compliance/do-not-call/find-do-not-call";
import type { ConsentBasis } from "@/lib/generated/prisma/enums";
import type { ClaimedCall } from "@/lib/dispatch/claim-due-calls";
import { rangSql } from "@/lib/compliance/patient-call-times";

/** The patient as a dial needs them: for the variables, the zone and the feed. */
export interface DialContact {
  id: string;
  name: string;
  phoneNumber: string;
  email: string | null;
  businessName: string | null;
  businessWebsite: string | null;
  customFields: unknown;
  timezone: string | null;
  language: string | null;
}

/** One of the patient's outbound calls within the caps' lookback: its id, and when it was dialed (epoch ms). */
export interface PatientCall {
  id: string;
  at: number;
}

export interface DialSubject {
  contact: DialContact;
  /** The clinic's do-not-call entry for the patient's number, read right before the dial. */
  doNotCall: DoNotCallMark | null;
  /** The patient's consent as recorded right before the dial (NONE: agreed to no calls). */
  consentBasis: ConsentBasis | null;
  /** The claimed call's agent and number as this clinic owns them (dialLineFrom says whether they may dial). */
  line: DialLineRow;
  /** The clinic's calling rules and defaults, read now: a change in Settings applies from the next dial. */
  rules: OrganizationCallingRules;
  /** The patient's dials since `since`, read without the patient's lock: the caps are judged on these and checked again as the attempt is written. */
  calls: PatientCall[];
}

type Row = DialContact &
  DialLineRow & {
    doNotCallNumber: string | null;
    doNotCallReason: string | null;
    consentBasis: ConsentBasis | null;
    callIds: string[];
    callTimes: number[];
    rules: OrganizationCallingRules;
  };

/** The clinic's rules as one JSON object (its columns' names are ours, not input): contact and clinic share column names. */
const rulesJson = Prisma.raw(
  `json_build_object(${Object.keys(organizationRulesSelect)
    .map((key) => `'${key}', o."${key}"`)
    .join(", ")})`,
);

/**
 * Everything a claimed call is checked against before its dial, in one round trip: the contact (null
 * when it was deleted, its scheduled calls with it) and its consent, the do-not-call entry of its number,
 * the line, the clinic's rules, and the patient's outbound calls since `since` (the caps' lookback; as
 * loadPatientCallTimes counts them: not the dials that rang nobody, rangSql). A dial used to read these in five queries; at thousands of clinics
 * a dial's cost is its round trips.
 */
export async function loadDialSubject(
  claimed: Pick<ClaimedCall, "organizationId" | "contactId" | "agentId" | "fromNumber">,
  since: Date,
): Promise<DialSubject | null> {
  const { columns, joins } = dialLineSql({ agentId: claimed.agentId, agentPhoneNumberId: claimed.fromNumber });
  const [row] = await getDb().$queryRaw<Row[]>`
    SELECT c."id", c."name", c."phoneNumber", c."email", c."businessName", c."businessWebsite", c."customFields", c."timezone", c."language",
           c."consentBasis", d."phoneNumber" AS "doNotCallNumber", d."reason" AS "doNotCallReason", ${columns}, calls."callIds", calls."callTimes", ${rulesJson} AS "rules"
      FROM "Contact" c
      JOIN "Organization" o ON o."id" = c."organizationId"
      ${joins}
      LEFT JOIN "DoNotCallEntry" d ON d."organizationId" = c."organizationId" AND d."phoneNumber" = c."phoneNumber"
     CROSS JOIN LATERAL (
       SELECT coalesce(array_agg(k."id"), '{}') AS "callIds", coalesce(array_agg((extract(epoch FROM k."createdAt") * 1000)::float8), '{}') AS "callTimes"
         FROM "Call" k
        WHERE k."organizationId" = c."organizationId" AND k."contactId" = c."id" AND k."direction" = 'OUTBOUND' AND k."createdAt" >= ${since}
          AND ${rangSql("k")}) calls
     WHERE c."id" = ${claimed.contactId} AND c."organizationId" = ${claimed.organizationId}`;
  if (!row) return null;
  const {
    doNotCallNumber,
    doNotCallReason,
    consentBasis,
    agentId,
    phoneNumberId,
    fromNumber,
    defaultAgent,
    defaultNumber,
    callIds,
    callTimes,
    rules,
    ...contact
  } = row;
  return {
    contact,
    doNotCall: doNotCallNumber === null ? null : { phoneNumber: doNotCallNumber, reason: doNotCallReason },
    consentBasis,
    line: { agentId, phoneNumberId, fromNumber, defaultAgent, defaultNumber },
    rules,
    calls: callIds.map((id, i) => ({ id, at: callTimes[i]! })),
  };
}
