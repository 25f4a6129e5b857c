import { Badge } from "@/components/ui/badge";
import type { ScheduledCallStatus } from "@/lib/generated/prisma/enums";

/** Each status's words and colours, shared by the tabs, the badges and the batch progress bars. */
export const STATUS_LOOK: Record<ScheduledCallStatus, { label: string; badge: "neutral" | "brand" | "success" | "danger" | "warning"; bar: string }> = {
  PENDING: { label: "Pending", badge: "neutral", bar: "bg-zinc-300" },
  WAITING: { label: "Waiting", badge: "neutral", bar: "bg-zinc-200" },
  PAUSED: { label: "Paused", badge: "warning", bar: "bg-zinc-400" },
  IN_PROGRESS: { label: "In progress", badge: "brand", bar: "bg-brand-500" },
  COMPLETED: { label: "Completed", badge: "success", bar: "bg-emerald-500" },
  FAILED: { label: "Failed", badge: "danger", bar: "bg-red-500" },
  CANCELLED: { label: "Cancelled", badge: "warning", bar: "bg-amber-400" },
};

/** The order statuses are shown in: what is still to come, then how things ended. */
export const STATUS_ORDER = [
  "PENDING",
  "PAUSED",
  "WAITING",
  "IN_PROGRESS",
  "COMPLETED",
  "FAILED",
  "CANCELLED",
] as const satisfies readonly ScheduledCallStatus[];

export function ScheduledCallStatusBadge({ status }: { status: ScheduledCallStatus }) {
  const look = STATUS_LOOK[status];
  return <Badge variant={look.badge}>{look.label}</Badge>;
}
