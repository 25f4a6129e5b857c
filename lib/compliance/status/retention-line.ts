import { getDb } from "@/lib/db";
import type { ComplianceLineProducer } from "@/lib/compliance/status/compliance-line";

/** How long transcripts are kept: the cron run deletes older ones (the call and its outcome stay). */
export const retentionLine: ComplianceLineProducer = async ({ organizationId }) => {
  const { transcriptRetentionDays: days } = await getDb().organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { transcriptRetentionDays: true },
  });
  return {
    label: "Transcript retention",
    on: true,
    detail: `Transcripts and analysis older than ${days.toLocaleString("en")} days are deleted in the regular cron run; the call, its outcome and summary line stay.`,
  };
};
