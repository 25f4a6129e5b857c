import Link from "next/link";
import type { ScheduledCallKind, ScheduledCallStatus } from "@/lib/generated/prisma/enums";
import { cn } from "@/components/ui/cn";
import { KIND_WORDS } from "@/components/callbacks/callback-words";
import { schedulingHref } from "@/components/scheduling/scheduling-href";

const KINDS: Array<ScheduledCallKind | undefined> = [undefined, "CALLBACK", "CHECK_IN", "CALL"];

/** Everything / Call backs / Check-ins / Calls: what the scheduled calls are for, in the URL like the status. */
export function KindFilter({ kind, status, batch, contact }: { kind?: ScheduledCallKind; status?: ScheduledCallStatus; batch?: string; contact?: string }) {
  return (
    <nav aria-label="Filter by what the call is for" className="mb-2 flex flex-wrap gap-1">
      {KINDS.map((option) => {
        const active = option === kind;
        return (
          <Link
            key={option ?? "all"}
            href={schedulingHref({ kind: option, status, batch, contact })}
            aria-current={active ? "page" : undefined}
            scroll={false}
            className={cn(
              "rounded-full px-3 py-1 text-sm font-medium",
              active ? "bg-brand-50 text-brand-700 ring-1 ring-brand-200" : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900",
            )}
          >
            {option ? KIND_WORDS[option] : "Everything"}
          </Link>
        );
      })}
    </nav>
  );
}
