"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/forms/field";
import { FormAlert } from "@/components/auth/form-alert";
import { fieldErrorsOf, type Problem } from "@/components/forms/problem";
import { sendJson } from "@/components/settings/send-json";
import { clinicDateTime, type ClinicZone } from "@/components/scheduling/clinic-time";
import { toWallClock, wallClockToIso, type WallClock } from "@/components/scheduling/wall-clock";
import { WallClockFields } from "@/components/scheduling/wall-clock-fields";
import { START_PASSED_MESSAGE } from "@/lib/appointments/refuse-unbookable-start";
import { isPast } from "@/lib/time/past-grace";

export interface EditableAppointment {
  id: string;
  attendeeName: string;
  startsAt: string;
  endsAt: string;
}

/**
 * Books a new appointment, or moves one (`appointment` given). Date and time are the clinic's wall clock
 * whatever the browser's zone; an overlap is refused by the server (the database) and shown in words. A start
 * already past is stopped here too, but the server's refusal (the same rule) is the one that counts.
 */
export function AppointmentDialog({
  zone,
  appointment,
  initial,
  onClose,
}: {
  zone: ClinicZone;
  appointment?: EditableAppointment;
  initial: WallClock;
  onClose: () => void;
}) {
  const router = useRouter();
  const [when, setWhen] = useState<WallClock>(() => (appointment ? toWallClock(appointment.startsAt, zone.timeZone) : initial));
  const [duration, setDuration] = useState(() =>
    String(appointment ? Math.round((Date.parse(appointment.endsAt) - Date.parse(appointment.startsAt)) / 60_000) : 30),
  );
  const [person, setPerson] = useState({ attendeeName: "", attendeePhone: "", attendeeEmail: "", notes: "" });
  const [saving, setSaving] = useState(false);
  // The picker greys out days before the clinic's today (a hint only: the form is noValidate).
  const [today] = useState(() => toWallClock(Date.now(), zone.timeZone).date);
  const [answered, setProblem] = useState<{ problem: Problem; attempt: number; sent: string } | null>(null);
  const startsAt = wallClockToIso(when, zone.timeZone);
  // A refusal speaks for the values it refused: once staff change them, its messages go.
  const sent = JSON.stringify([startsAt, duration, person]);
  const problem = answered && answered.sent === sent ? answered : null;
  const errors = problem ? fieldErrorsOf(problem.problem) : {};
  const minutes = Number(duration);
  const durationError = Number.isInteger(minutes) && minutes >= 5 && minutes <= 240 ? errors.durationMinutes : "Use 5 to 240 minutes";

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!startsAt || durationError) return;
    const moves = !appointment || Date.parse(startsAt) !== Date.parse(appointment.startsAt);
    if (moves && isPast(Date.parse(startsAt), Date.now())) {
      setProblem({
        problem: { status: 422, detail: START_PASSED_MESSAGE, issues: [{ path: "startsAt", message: START_PASSED_MESSAGE }] },
        attempt: Date.now(),
        sent,
      });
      return;
    }
    setSaving(true);
    setProblem(null);
    const result = appointment
      ? await sendJson<{ appointment: { startsAt: string } }>(`/api/appointments/${encodeURIComponent(appointment.id)}`, "PATCH", {
          startsAt,
          durationMinutes: minutes,
        })
      : await sendJson<{ appointment: { startsAt: string } }>("/api/appointments", "POST", { startsAt, durationMinutes: minutes, ...person });
    setSaving(false);
    if (!result.ok) {
      setProblem({ problem: result.problem, attempt: Date.now(), sent });
      return;
    }
    toast.success(
      appointment
        ? `${appointment.attendeeName} moved to ${clinicDateTime(result.data.appointment.startsAt, zone)}`
        : `${person.attendeeName} booked for ${clinicDateTime(result.data.appointment.startsAt, zone)}`,
    );
    router.refresh();
    onClose();
  }

  // A problem no field shows (a network failure, a 404) is said above the buttons.
  const unplaced =
    problem && !errors.startsAt && !errors.durationMinutes && !errors.attendeeName && !errors.attendeePhone && !errors.attendeeEmail ? problem : null;
  return (
    <Dialog open onOpenChange={(open) => (open ? null : onClose())}>
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{appointment ? `Move ${appointment.attendeeName}'s appointment` : "New appointment"}</DialogTitle>
          <DialogDescription>
            {appointment
              ? `Now at ${clinicDateTime(appointment.startsAt, zone)}.`
              : "Staff may book outside opening hours; two appointments can never overlap."}
          </DialogDescription>
        </DialogHeader>
        <form id="appointment-form" onSubmit={save} className="space-y-4" noValidate>
          <WallClockFields value={when} onChange={setWhen} zone={zone} minDate={today} error={errors.startsAt} />
          <Field name="durationMinutes" label="Length (minutes)" error={durationError}>
            {(control) => (
              <Input
                {...control}
                type="number"
                inputMode="numeric"
                min={5}
                max={240}
                step={5}
                value={duration}
                onChange={(e) => setDuration(e.target.value)}
                className="max-w-32"
              />
            )}
          </Field>
          {appointment ? null : (
            <>
              <Field name="attendeeName" label="Patient's name" error={errors.attendeeName}>
                {(control) => (
                  <Input
                    {...control}
                    required
                    autoComplete="off"
                    maxLength={200}
                    value={person.attendeeName}
                    onChange={(e) => setPerson({ ...person, attendeeName: e.target.value })}
                  />
                )}
              </Field>
              <div className="grid gap-4 sm:grid-cols-2">
                <Field name="attendeePhone" label="Phone (optional)" error={errors.attendeePhone} hint="Links the appointment to the contact with this number.">
                  {(control) => (
                    <Input
                      {...control}
                      type="tel"
                      autoComplete="off"
                      value={person.attendeePhone}
                      onChange={(e) => setPerson({ ...person, attendeePhone: e.target.value })}
                    />
                  )}
                </Field>
                <Field name="attendeeEmail" label="Email (optional)" error={errors.attendeeEmail}>
                  {(control) => (
                    <Input
                      {...control}
                      type="email"
                      autoComplete="off"
                      value={person.attendeeEmail}
                      onChange={(e) => setPerson({ ...person, attendeeEmail: e.target.value })}
                    />
                  )}
                </Field>
              </div>
              <Field name="notes" label="Notes (optional)">
                {(control) => <Input {...control} autoComplete="off" value={person.notes} onChange={(e) => setPerson({ ...person, notes: e.target.value })} />}
              </Field>
            </>
          )}
          {unplaced ? (
            <FormAlert key={unplaced.attempt} focusOnMount>
              <p>{unplaced.problem.detail}</p>
            </FormAlert>
          ) : null}
        </form>
        <DialogFooter>
          <Button variant="outline" onClick={onClose}>
            {appointment ? "Keep the time" : "Cancel"}
          </Button>
          <Button type="submit" form="appointment-form" loading={saving} disabled={!startsAt}>
            {appointment ? "Move" : "Book"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
