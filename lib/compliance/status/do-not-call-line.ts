import { getDb } from "@/lib/db";
import type { ComplianceLineProducer } from "@/lib/compliance/status/compliance-line";

/** The do-not-call list is always enforced; the line says how many numbers it holds. */
export const doNotCallLine: ComplianceLineProducer = async ({ organizationId }) => {
  const count = await getDb().doNotCallEntry.count({ where: { organizationId } });
  return {
    label: "Do-not-call list",
    on: true,
    detail: `${count.toLocaleString("en")} number${count === 1 ? "" : "s"} on the list; checked when calls are scheduled and again right before every dial.`,
  };
};
