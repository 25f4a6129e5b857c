import Link from "next/link";
import { ArrowRight } from "lucide-react";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

const STEPS = [
  {
    title: "Connect your voice agent",
    body: "Paste your ElevenLabs agent ID and phone-number ID; check the time zone, which sets calling hours and what “today” means.",
    href: "/settings",
    action: "Open settings",
  },
  {
    title: "Add your patients",
    body: "Import a CSV of patients with their phone numbers, or add them one by one, then press Call to reach one now.",
    href: "/contacts",
    action: "Open contacts",
  },
  {
    title: "Schedule calls",
    body: "Select contacts and press Schedule Calls: Callboard spaces the calls out within your calling hours and retries the ones that don’t connect. Follow them on Scheduling.",
    href: "/scheduling",
    action: "Open scheduling",
  },
] as const;

/** What a new clinic can do next. */
export function GettingStarted() {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Getting started</CardTitle>
        <CardDescription>Three steps from sign-up to your first calls.</CardDescription>
      </CardHeader>
      <ol className="mt-4 divide-y divide-zinc-100 border-t border-zinc-100">
        {STEPS.map((step, index) => (
          <li key={step.title} className="flex gap-4 px-5 py-4">
            <span
              className="flex size-6 shrink-0 items-center justify-center rounded-full bg-zinc-100 text-xs font-semibold text-zinc-600 tabular-nums"
              aria-hidden="true"
            >
              {index + 1}
            </span>
            <div className="flex min-w-0 flex-1 flex-col gap-2 sm:flex-row sm:items-center sm:gap-6">
              <div className="min-w-0 flex-1">
                <h3 className="text-sm font-medium text-zinc-900">{step.title}</h3>
                <p className="mt-0.5 text-sm text-zinc-500">{step.body}</p>
              </div>
              <div className="shrink-0">
                <Link href={step.href} className="inline-flex items-center gap-1 text-sm font-medium text-brand-700 hover:underline hover:underline-offset-4">
                  {step.action}
                  <ArrowRight className="size-3.5" aria-hidden="true" />
                </Link>
              </div>
            </div>
          </li>
        ))}
      </ol>
    </Card>
  );
}
