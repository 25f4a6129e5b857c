"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { sendJson } from "@/components/settings/send-json";
import { clinicDateTime, type ClinicZone } from "@/components/scheduling/clinic-time";
import { AppointmentDialog, type EditableAppointment } from "@/components/appointments/appointment-dialog";

/** Move, confirm and cancel on one row; cancelling asks first (the patient may be expecting it). */
export function AppointmentActions({ appointment, status, zone }: { appointment: EditableAppointment; status: string; zone: ClinicZone }) {
  const router = useRouter();
  const [open, setOpen] = useState<"move" | "cancel" | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (status === "CANCELLED") return null;

  async function change(body: { status: "CONFIRMED" | "CANCELLED" }, done: string) {
    setBusy(true);
    setError(null);
    const result = await sendJson(`/api/appointments/${encodeURIComponent(appointment.id)}`, "PATCH", body);
    setBusy(false);
    if (!result.ok) {
      if (open === "cancel") setError(result.problem.detail ?? "Not changed.");
      else toast.error("Not changed", { description: result.problem.detail });
      return;
    }
    toast.success(done);
    setOpen(null);
    router.refresh();
  }

  const label = `${appointment.attendeeName} at ${clinicDateTime(appointment.startsAt, zone)}`;
  return (
    <div className="flex justify-end gap-1">
      {status === "SCHEDULED" ? (
        <Button
          size="sm"
          variant="ghost"
          loading={busy && open === null}
          onClick={() => change({ status: "CONFIRMED" }, `${label} confirmed`)}
          aria-label={`Confirm ${label}`}
        >
          Confirm
        </Button>
      ) : null}
      <Button size="sm" variant="ghost" onClick={() => setOpen("move")} aria-label={`Move ${label}`}>
        Move
      </Button>
      <Button size="sm" variant="ghost" onClick={() => setOpen("cancel")} aria-label={`Cancel ${label}`}>
        Cancel
      </Button>
      {open === "move" ? <AppointmentDialog zone={zone} appointment={appointment} initial={{ date: "", time: "" }} onClose={() => setOpen(null)} /> : null}
      <ConfirmDialog
        open={open === "cancel"}
        onOpenChange={(next) => {
          setOpen(next ? "cancel" : null);
          setError(null);
        }}
        title={`Cancel ${appointment.attendeeName}'s appointment?`}
        description={`${clinicDateTime(appointment.startsAt, zone)}. The time becomes free for others; the cancelled appointment stays listed, struck through.`}
        confirmLabel="Cancel appointment"
        cancelLabel="Keep it"
        busy={busy}
        error={error}
        onConfirm={() => change({ status: "CANCELLED" }, `${label} cancelled`)}
      />
    </div>
  );
}
