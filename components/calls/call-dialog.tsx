"use client";

import { useEffect, useState, type FormEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { fieldErrorsOf, readProblem, type Problem } from "@/components/forms/problem";
import { DialLineFields, initialChoice, useDialLines } from "@/components/calls/dial-lines";
import { OutsideHoursActions, patientHoursRefusal } from "@/components/calls/outside-hours-actions";
import { tenantFetch } from "@/lib/http/tenant-fetch";

export interface CallDialogContact {
  id: string;
  name: string;
  doNotCall?: boolean;
  /** Consent recorded as none: the patient agreed to no calls. */
  noConsent?: boolean;
  /** The number as the clinic writes it (national at home); without it the dialog shows the E.164 form. */
  phoneDisplay?: string;
}

interface CallPreview {
  agentId: string | null;
  agentPhoneNumberId: string | null;
  dynamicVariables: Record<string, string>;
  contact: { phoneNumber: string };
}

type PreviewState = { status: "loading" } | { status: "ready"; preview: CallPreview } | { status: "error"; problem: Problem };

/** Confirms an immediate call: who, from which of the clinic's agents and numbers, and what the agent will know. */
export function CallDialog({ contact, open, onOpenChange }: { contact: CallDialogContact; open: boolean; onOpenChange: (open: boolean) => void }) {
  const router = useRouter();
  const lines = useDialLines();
  const [state, setState] = useState<PreviewState>({ status: "loading" });
  const [agentId, setAgentId] = useState("");
  const [phoneNumberId, setPhoneNumberId] = useState("");
  const [placing, setPlacing] = useState(false);
  const [error, setError] = useState<Problem | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    tenantFetch(`/api/calls/preview?contactId=${encodeURIComponent(contact.id)}`, { signal: controller.signal })
      .then(async (res) => {
        if (!res.ok) return setState({ status: "error", problem: await readProblem(res) });
        const preview = (await res.json()) as CallPreview;
        setAgentId(initialChoice(lines.agents, preview.agentId));
        setPhoneNumberId(initialChoice(lines.phoneNumbers, preview.agentPhoneNumberId));
        setState({ status: "ready", preview });
      })
      .catch((reason: unknown) => {
        if (!controller.signal.aborted) setState({ status: "error", problem: { status: 0, detail: `Could not reach Callboard: ${String(reason)}` } });
      });
    return () => controller.abort();
  }, [contact.id, lines]);

  async function placeCall(event: FormEvent | null, override?: { reason: string }) {
    event?.preventDefault();
    setPlacing(true);
    setError(null);
    try {
      const res = await tenantFetch("/api/calls/trigger", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ contactId: contact.id, agentId: agentId || undefined, agentPhoneNumberId: phoneNumberId || undefined, override }),
      });
      if (!res.ok) {
        const problem = await readProblem(res);
        setError(problem);
        toast.error(`Call to ${contact.name} not placed`, { description: problem.detail });
        return;
      }
      toast.success(`Calling ${contact.name}`, { description: "The call appears under Calls; its summary arrives when it ends." });
      onOpenChange(false);
      router.refresh();
    } catch (reason) {
      setError({ status: 0, detail: `Could not reach Callboard: ${String(reason)}. Check your connection and try again.` });
    } finally {
      setPlacing(false);
    }
  }

  /** The refused call, scheduled at the time the refusal offered: one scheduled call in a batch of one. */
  async function scheduleAt(at: string) {
    setPlacing(true);
    try {
      const res = await tenantFetch("/api/scheduled-calls", {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": crypto.randomUUID() },
        body: JSON.stringify({ contactIds: [contact.id], scheduledTime: at, agentId: agentId || undefined, agentPhoneNumberId: phoneNumberId || undefined }),
      });
      if (!res.ok) {
        const problem = await readProblem(res);
        setError(problem);
        toast.error(`Call to ${contact.name} not scheduled`, { description: problem.detail });
        return;
      }
      toast.success(`Call to ${contact.name} scheduled`, { description: "It appears under Scheduling and goes out at that time." });
      onOpenChange(false);
      router.refresh();
    } catch (reason) {
      setError({ status: 0, detail: `Could not reach Callboard: ${String(reason)}. Check your connection and try again.` });
    } finally {
      setPlacing(false);
    }
  }
  const refusal = patientHoursRefusal(error);

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-w-lg">
        <DialogHeader>
          <DialogTitle>Call {contact.name}</DialogTitle>
          <DialogDescription>
            The voice agent rings{" "}
            {state.status === "ready" ? <span className="tabular-nums">{contact.phoneDisplay ?? state.preview.contact.phoneNumber}</span> : "this contact"} now.
          </DialogDescription>
        </DialogHeader>

        {state.status === "loading" ? (
          <div className="space-y-3" aria-label="Loading call details">
            <Skeleton className="h-9 w-full" />
            <Skeleton className="h-9 w-full" />
            <Skeleton className="h-24 w-full" />
          </div>
        ) : state.status === "error" ? (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
            {state.problem.detail}
          </p>
        ) : (
          <form id="call-form" onSubmit={placeCall} className="space-y-4">
            <div className="grid gap-4 sm:grid-cols-2">
              <DialLineFields
                lines={lines}
                agentId={agentId}
                phoneNumberId={phoneNumberId}
                onAgentChange={setAgentId}
                onPhoneNumberChange={setPhoneNumberId}
                errors={error ? fieldErrorsOf(error) : {}}
                scope="this call"
              />
            </div>
            <section aria-labelledby="call-variables-heading">
              <h3 id="call-variables-heading" className="text-sm font-medium text-zinc-900">
                What the agent will know
              </h3>
              {/* Focusable, so a keyboard can scroll a long list (axe: scrollable-region-focusable). */}
              <dl
                tabIndex={0}
                aria-labelledby="call-variables-heading"
                className="mt-2 max-h-48 overflow-y-auto rounded-md border border-zinc-200 text-sm focus-visible:outline-2 focus-visible:outline-brand-600/30"
              >
                {Object.entries(state.preview.dynamicVariables).map(([key, value]) => (
                  <div key={key} className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)] gap-3 border-b border-zinc-100 px-3 py-1.5 last:border-0">
                    <dt className="truncate font-mono text-xs leading-5 text-zinc-500">{key}</dt>
                    <dd className="truncate text-zinc-900" title={value}>
                      {value || <span className="text-zinc-500">(empty)</span>}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
            {error ? (
              <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
                {error.detail}
                {(error.status === 400 || error.status === 422) && /Settings/.test(error.detail ?? "") ? (
                  <>
                    {" "}
                    <Link href="/settings" className="font-medium underline">
                      Open Settings
                    </Link>
                  </>
                ) : null}
              </p>
            ) : null}
            {refusal ? (
              <OutsideHoursActions refusal={refusal} busy={placing} onSchedule={scheduleAt} onOverride={(reason) => void placeCall(null, { reason })} />
            ) : null}
          </form>
        )}

        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" form="call-form" variant="success" loading={placing} disabled={state.status !== "ready"}>
            Call Now
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
