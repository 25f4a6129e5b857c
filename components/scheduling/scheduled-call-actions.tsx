"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { readProblem } from "@/components/forms/problem";
import type { ClinicZone } from "@/components/scheduling/clinic-time";
import { RescheduleDialog, type PendingCall } from "@/components/scheduling/reschedule-dialog";
import { tenantFetch } from "@/lib/http/tenant-fetch";

/**
 * Reschedule and Cancel for a pending call. The server decides: a call the dispatcher picked up a
 * moment ago answers 409 with the reason, shown as it is.
 */
export function ScheduledCallActions({ call, zone }: { call: PendingCall & { toConfirm?: boolean }; zone: ClinicZone }) {
  const router = useRouter();
  const [cancelling, setCancelling] = useState(false);
  const [rescheduling, setRescheduling] = useState(false);
  const [confirming, setConfirming] = useState(false);

  async function confirm() {
    setConfirming(true);
    try {
      const res = await tenantFetch(`/api/scheduled-calls/${encodeURIComponent(call.id)}/confirm`, { method: "POST" });
      if (!res.ok) toast.error(`The call back to ${call.name} was not confirmed`, { description: (await readProblem(res)).detail });
      else toast.success(`Confirmed the call back to ${call.name}`);
      router.refresh();
    } catch {
      toast.error(`The call back to ${call.name} was not confirmed`, { description: "We couldn't reach Callboard. Check your connection and try again." });
    } finally {
      setConfirming(false);
    }
  }

  async function cancel() {
    setCancelling(true);
    try {
      const res = await tenantFetch(`/api/scheduled-calls/${encodeURIComponent(call.id)}`, { method: "DELETE" });
      if (!res.ok) {
        toast.error(`The call to ${call.name} was not cancelled`, { description: (await readProblem(res)).detail });
      } else {
        toast.success(`Cancelled the call to ${call.name}`);
      }
      router.refresh();
    } catch {
      toast.error(`The call to ${call.name} was not cancelled`, { description: "We couldn't reach Callboard. Check your connection and try again." });
    } finally {
      setCancelling(false);
    }
  }

  return (
    <div className="flex items-center justify-end gap-1">
      {call.toConfirm ? (
        <Button variant="outline" size="sm" loading={confirming} onClick={confirm} aria-label={`Confirm the call back to ${call.name}`}>
          Confirm
        </Button>
      ) : null}
      <Button variant="ghost" size="sm" onClick={() => setRescheduling(true)} aria-label={`Reschedule the call to ${call.name}`}>
        Reschedule
      </Button>
      <Button
        variant="ghost"
        size="sm"
        className="text-red-700 hover:bg-red-50 hover:text-red-800"
        loading={cancelling}
        onClick={cancel}
        aria-label={`Cancel the call to ${call.name}`}
      >
        Cancel
      </Button>
      {rescheduling ? <RescheduleDialog call={call} zone={zone} onClose={() => setRescheduling(false)} /> : null}
    </div>
  );
}
