import { getDb } from "@/lib/db";
import type { ComplianceLineProducer } from "@/lib/compliance/status/compliance-line";

/** The clinic's calls-per-patient limits and the Florida/Oklahoma rules every call is held to. */
export const frequencyCapLine: ComplianceLineProducer = async ({ organizationId }) => {
  const rules = await getDb().organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { maxCallsPerDay: true, maxCallsPerWeek: true, overCapAction: true },
  });
  return {
    label: "Calls per patient",
    on: true,
    detail: `At most ${rules.maxCallsPerDay} a day and ${rules.maxCallsPerWeek} in 7 days, in the patient's own time; a call over the limit ${rules.overCapAction === "SKIP" ? "is not placed" : "moves to the next allowed time"}. Florida and Oklahoma numbers: 08:00–20:00 their time and at most 3 calls in 24 hours.`,
  };
};
