import { Badge } from "@/components/ui/badge";
import type { CallStatus } from "@/lib/generated/prisma/enums";

const LOOK: Record<CallStatus, { label: string; variant: "neutral" | "brand" | "success" | "danger" }> = {
  INITIATED: { label: "Ringing", variant: "brand" },
  IN_PROGRESS: { label: "In progress", variant: "brand" },
  COMPLETED: { label: "Completed", variant: "success" },
  FAILED: { label: "Failed", variant: "danger" },
};

export function CallStatusBadge({ status }: { status: CallStatus }) {
  const look = LOOK[status];
  return <Badge variant={look.variant}>{look.label}</Badge>;
}
