"use client";

import { cn } from "@/components/ui/cn";

export type BatchModeChoice = "staggered" | "sequence";

const CHOICES: { value: BatchModeChoice; title: string; explanation: string }[] = [
  { value: "staggered", title: "Staggered", explanation: "Everyone gets a call, a few minutes apart." },
  {
    value: "sequence",
    title: "One at a time until someone books",
    explanation:
      "Calls the patients in the order you ticked them, one after another. As soon as one books, the rest are not called — for filling a freed slot from a waitlist.",
  },
];

/** How the batch's calls go out: a radio group (arrow keys move between the choices). */
export function BatchModeFields({ value, onChange, sequenceMax }: { value: BatchModeChoice; onChange: (mode: BatchModeChoice) => void; sequenceMax: number }) {
  return (
    <fieldset>
      <legend className="text-sm font-medium text-zinc-900">How to call</legend>
      <div className="mt-1.5 grid gap-2 sm:grid-cols-2">
        {CHOICES.map((choice) => (
          <label
            key={choice.value}
            className={cn(
              "flex cursor-pointer gap-2.5 rounded-md border px-3 py-2 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500",
              value === choice.value ? "border-brand-500 bg-brand-50" : "border-zinc-200 bg-white hover:border-zinc-300",
            )}
          >
            <input
              type="radio"
              name="mode"
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
              className="mt-0.5 accent-brand-600"
            />
            <span>
              <span className="block font-medium text-zinc-900">{choice.title}</span>
              <span className="mt-0.5 block text-xs text-zinc-600">
                {choice.explanation}
                {choice.value === "sequence" ? ` Up to ${sequenceMax} patients.` : null}
              </span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
