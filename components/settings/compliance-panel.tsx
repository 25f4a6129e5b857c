import { CircleCheck, CircleMinus } from "lucide-react";
import type { ComplianceLine } from "@/lib/compliance/status/compliance-line";

/** Settings → Compliance: one plain line per rule, on or off, with the facts behind it. */
export function CompliancePanel({ lines }: { lines: ComplianceLine[] }) {
  return (
    <ul className="divide-y divide-zinc-100" aria-label="Compliance">
      {lines.map((line) => (
        <li key={line.label} className="flex items-start gap-3 px-5 py-3 text-sm">
          {line.on ? (
            <CircleCheck className="mt-0.5 size-4 shrink-0 text-emerald-600" aria-hidden />
          ) : (
            <CircleMinus className="mt-0.5 size-4 shrink-0 text-amber-600" aria-hidden />
          )}
          <div>
            <p className="font-medium text-zinc-900">
              {line.label} <span className={line.on ? "text-emerald-700" : "text-amber-700"}>· {line.on ? "On" : "Off"}</span>
            </p>
            <p className="text-zinc-600">{line.detail}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}
