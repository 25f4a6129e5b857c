import { TZDate } from "@date-fns/tz";
import { getDb } from "@/lib/db";
import type { ComplianceLineProducer } from "@/lib/compliance/status/compliance-line";

/** Patients who opted out in a call this calendar month (the clinic's), each honoured at once. */
export const optOutsLine: ComplianceLineProducer = async ({ organizationId, now }) => {
  const { timezone } = await getDb().organization.findUniqueOrThrow({ where: { id: organizationId }, select: { timezone: true } });
  const local = new TZDate(+now, timezone);
  const monthStart = new Date(+new TZDate(local.getFullYear(), local.getMonth(), 1, timezone));
  const count = await getDb().doNotCallEntry.count({
    where: { organizationId, source: { in: ["AGENT_OPT_OUT", "CALL_ANALYSIS"] }, createdAt: { gte: monthStart } },
  });
  return {
    label: "Opt-outs in calls",
    on: true,
    detail: `${count.toLocaleString("en")} this month, each added to the do-not-call list at once (the rule allows 10 business days).`,
  };
};
