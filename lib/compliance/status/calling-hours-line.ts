import { getDb } from "@/lib/db";
import type { ComplianceLineProducer } from "@/lib/compliance/status/compliance-line";

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const clock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

/** The clinic's calling-hours window, and the patients' own 08:00–21:00 that every call also respects. */
export const callingHoursLine: ComplianceLineProducer = async ({ organizationId }) => {
  const rules = await getDb().organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { timezone: true, callingDays: true, callingWindowStart: true, callingWindowEnd: true },
  });
  const days = [...rules.callingDays].sort((a, b) => a - b).map((day) => DAYS[day - 1] ?? String(day));
  const on = days.length > 0 && rules.callingWindowStart < rules.callingWindowEnd;
  return {
    label: "Calling hours",
    on,
    detail: on
      ? `${days.join(", ")} ${clock(rules.callingWindowStart)}–${clock(rules.callingWindowEnd)} (${rules.timezone.replaceAll("_", " ")}); every patient is also called only between 08:00 and 21:00 of their own time.`
      : "No calling day or an empty window: scheduled calls wait until calling hours are set.",
  };
};
