import type { ReactNode } from "react";

/** Label/value rows for read-only settings. */
export function DetailList({ items }: { items: { label: string; value: ReactNode; hint?: string }[] }) {
  return (
    <dl className="divide-y divide-zinc-100">
      {items.map((item) => (
        <div key={item.label} className="grid gap-1 px-5 py-3.5 sm:grid-cols-[14rem_1fr] sm:gap-6">
          <dt className="text-sm font-medium text-zinc-600">{item.label}</dt>
          <dd className="text-sm text-zinc-900">
            {item.value}
            {item.hint ? <p className="mt-0.5 text-xs text-zinc-500">{item.hint}</p> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
