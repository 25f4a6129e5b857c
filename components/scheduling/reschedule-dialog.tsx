"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormAlert } from "@/components/auth/form-alert";
import { fieldErrorsOf, readProblem, type Problem } from "@/components/forms/problem";
import { clinicDateTime, type ClinicZone } from "@/components/scheduling/clinic-time";
import { toWallClock, wallClockToIso, type WallClock } from "@/components/scheduling/wall-clock";
import { WallClockFields } from "@/components/scheduling/wall-clock-fields";
import { tenantFetch } from "@/lib/http/tenant-fetch";

export interface PendingCall {
  id: string;
  /** The contact's name. */
  name: string;
  scheduledTime: string;
}

/** Moves one pending call to a new time on the clinic's clock; the server moves it on to calling hours and the patient's call limits if needed. */
export function RescheduleDialog({ call, zone, onClose }: { call: PendingCall; zone: ClinicZone; onClose: () => void }) {
  const router = useRouter();
  const [when, setWhen] = useState<WallClock>(() => toWallClock(call.scheduledTime, zone.timeZone));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ problem: Problem; attempt: number } | null>(null);
  const scheduledTime = wallClockToIso(when, zone.timeZone);
  const fieldError = error ? fieldErrorsOf(error.problem).scheduledTime : undefined;

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!scheduledTime) return;
    setSaving(true);
    setError(null);
    try {
      const res = await tenantFetch(`/api/scheduled-calls/${encodeURIComponent(call.id)}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ scheduledTime }),
      });
      if (!res.ok) {
        setError({ problem: await readProblem(res), attempt: Date.now() });
        return;
      }
      // `moved`: the server's sentence says why the time is not the one picked (calling hours, or the patient's call limits).
      const answer = (await res.json()) as { scheduledCall: { scheduledTime: string }; moved: string | null; message: string };
      toast.success(`The call to ${call.name} is now at ${clinicDateTime(answer.scheduledCall.scheduledTime, zone)}`, {
        description: answer.moved ? answer.message : undefined,
      });
      router.refresh();
      onClose();
    } catch {
      setError({ problem: { status: 0, detail: "We couldn't reach Callboard. Check your connection and try again." }, attempt: Date.now() });
    } finally {
      setSaving(false);
    }
  }

  return (
    <Dialog open onOpenChange={(open) => (open ? null : onClose())}>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>Reschedule the call to {call.name}</DialogTitle>
          <DialogDescription>
            Now at {clinicDateTime(call.scheduledTime, zone)}. A time outside calling hours, or over the patient&apos;s call limits, moves on to the next time
            allowed.
          </DialogDescription>
        </DialogHeader>
        <form id="reschedule-form" onSubmit={save} className="space-y-4" noValidate>
          <WallClockFields value={when} onChange={setWhen} zone={zone} error={fieldError} />
          {error && !fieldErrorsOf(error.problem).scheduledTime ? (
            <FormAlert key={error.attempt} focusOnMount>
              <p>{error.problem.detail}</p>
            </FormAlert>
          ) : null}
        </form>
        <DialogFooter>
          <Button variant="outline" onClick={onClose}>
            Keep the time
          </Button>
          <Button type="submit" form="reschedule-form" loading={saving} disabled={!scheduledTime}>
            Reschedule
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
