import Link from "next/link";
import type { AttentionItem } from "@/lib/attention/list-attention";
import type { AttentionKind } from "@/lib/generated/prisma/enums";
import { Badge } from "@/components/ui/badge";
import { When } from "@/components/calls/when";
import { clinicExactTime, type ClinicZone } from "@/components/scheduling/clinic-time";
import { AttentionDoneButton } from "@/components/attention/done-button";

const KIND_LOOK: Record<AttentionKind, { label: string; variant: "danger" | "warning" }> = {
  ESCALATED: { label: "Asked for a person", variant: "danger" },
  CALLBACK_NOT_SCHEDULED: { label: "Call back not scheduled", variant: "warning" },
  FAILED: { label: "Failed after all attempts", variant: "danger" },
};

/**
 * What needs a person: escalated calls, call back requests nothing follows, and calls that failed after all
 * their attempts. Each links to its call and has "Done"; the last few done say who and when.
 */
export function NeedsAttention({
  open,
  done,
  zone,
  now,
  canMark,
}: {
  open: AttentionItem[];
  done: AttentionItem[];
  zone: ClinicZone;
  now: number;
  canMark: boolean;
}) {
  return (
    <div className="space-y-4">
      {open.length === 0 ? (
        <p className="text-sm text-zinc-500">
          Nothing needs attention. Escalated calls, call back requests nobody scheduled and calls that failed after every attempt show up here.
        </p>
      ) : (
        <ul className="divide-y divide-zinc-100" aria-label="Needs attention" data-testid="needs-attention">
          {open.map((item) => {
            const look = KIND_LOOK[item.kind];
            const who = item.who ?? "Unknown caller";
            return (
              <li key={item.itemKey} className="flex items-start justify-between gap-3 py-2.5 text-sm">
                <div className="min-w-0 space-y-0.5">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium text-zinc-900">{who}</span>
                    <Badge variant={look.variant}>{look.label}</Badge>
                  </div>
                  {item.detail ? (
                    <p className="line-clamp-2 text-zinc-600" title={item.detail}>
                      {item.detail}
                    </p>
                  ) : null}
                  <p className="flex flex-wrap gap-x-3 text-xs text-zinc-500">
                    <When at={item.at} now={now} zone={zone} />
                    {item.callId ? (
                      <Link href={`/calls/${item.callId}`} className="font-medium text-brand-700 hover:underline">
                        Open the call
                      </Link>
                    ) : null}
                  </p>
                </div>
                {canMark ? (
                  <AttentionDoneButton
                    target={item.scheduledCallId ? { scheduledCallId: item.scheduledCallId } : { callId: item.callId! }}
                    label={`${look.label}, ${who}`}
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {done.length > 0 ? (
        <div>
          <h3 className="mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase">Recently done</h3>
          <ul className="space-y-1 text-xs text-zinc-600" aria-label="Recently done">
            {done.map((item) => (
              <li key={item.itemKey}>
                {item.who ?? "Unknown caller"} · {KIND_LOOK[item.kind].label.toLowerCase()} — done by {item.doneBy ?? "a former member"},{" "}
                {item.doneAt ? clinicExactTime(item.doneAt, zone) : ""}
                {item.callId ? (
                  <>
                    {" · "}
                    <Link href={`/calls/${item.callId}`} className="text-brand-700 hover:underline">
                      the call
                    </Link>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
