import type { LucideIcon } from "lucide-react";
import { Card } from "@/components/ui/card";

/**
 * A headline number. `value` null means there is nothing to count yet: it says so in words instead
 * of showing a zero that looks like a result. `detail` is a short split of the number beside it ("12 out · 3 in").
 */
export function KpiCard({
  label,
  icon: Icon,
  value,
  unit,
  detail,
  empty,
  note,
}: {
  label: string;
  icon: LucideIcon;
  value: number | null;
  unit?: string;
  detail?: string;
  empty: string;
  note: string;
}) {
  return (
    <Card className="p-5">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-sm font-medium text-zinc-600">{label}</h2>
        <Icon className="size-4 text-zinc-400" aria-hidden="true" />
      </div>
      {value === null ? (
        <p className="mt-3 text-base font-medium text-zinc-500">{empty}</p>
      ) : (
        <p className="mt-2 text-2xl font-semibold text-zinc-900 tabular-nums">
          {value.toLocaleString("en")}
          {unit}
          {detail ? <span className="ml-2 text-sm font-normal text-zinc-500">{detail}</span> : null}
        </p>
      )}
      <p className="mt-1 text-xs leading-5 text-zinc-500">{note}</p>
    </Card>
  );
}
