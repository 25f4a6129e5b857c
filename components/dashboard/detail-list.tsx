import type { ReactNode } from "react";

/**
 * Label/value rows for read-only settings and a call's details. Side by side only when the list itself
 * is wide enough (a container query): in a narrow card, such as a call's Details, the label goes above.
 */
export function DetailList({ items }: { items: { label: string; value: ReactNode; hint?: string }[] }) {
  return (
    <dl className="@container divide-y divide-zinc-100">
      {items.map((item) => (
        <div key={item.label} className="grid gap-1 px-5 py-3.5 @lg:grid-cols-[14rem_minmax(0,1fr)] @lg:gap-6">
          <dt className="text-sm font-medium text-zinc-600">{item.label}</dt>
          <dd className="min-w-0 text-sm break-words text-zinc-900">
            {item.value}
            {item.hint ? <p className="mt-0.5 text-xs text-zinc-500">{item.hint}</p> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
