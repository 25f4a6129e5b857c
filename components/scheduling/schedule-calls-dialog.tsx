"use client";

import { useMemo, useState, type FormEvent } from "react";
import Link from "next/link";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/forms/field";
import { FormAlert } from "@/components/auth/form-alert";
import { DialLineFields, initialChoice, type DialLines } from "@/components/calls/dial-lines";
import { fieldErrorsOf, readProblem, type Problem } from "@/components/forms/problem";
import { selectedCount, selectedCountText, toSelectionPayload, useContactSelection } from "@/components/contacts/selection-store";
import { clinicDay, clinicTimeRange, sameClinicDay, zoneName, zoneTitle, type ClinicZone } from "@/components/scheduling/clinic-time";
import { nextQuarterHour, wallClockToIso, type WallClock } from "@/components/scheduling/wall-clock";
import { WallClockFields } from "@/components/scheduling/wall-clock-fields";
import { SchedulePreviewPanel } from "@/components/scheduling/schedule-preview";
import { previewHint, scheduleFormErrors } from "@/components/scheduling/schedule-form-errors";
import { postSchedule, type ScheduledBatch, type ScheduleRequest } from "@/components/scheduling/schedule-request";
import { useSchedulePreview } from "@/components/scheduling/use-schedule-preview";
import { BatchModeFields, type BatchModeChoice } from "@/components/scheduling/batch-mode-fields";
import { CallScriptFields, EMPTY_SCRIPT, toScriptPayload, type CallScriptDraft } from "@/components/scheduling/call-script-fields";

/** The most contacts a one-at-a-time sequence takes (the server says the same in its 400). */
const SEQUENCE_MAX = 500;

/** What the dialog starts from: the clinic's own agents and numbers (defaults marked), its spacing, and its calling hours in words. */
export interface ScheduleDefaults {
  lines: DialLines;
  staggerMinutes: number;
  /** "Mon–Fri, 09:00–17:00". */
  callingHours: string;
}

const calls = (n: number) => `${n.toLocaleString("en")} ${n === 1 ? "call" : "calls"}`;

/**
 * Schedules a call to every selected contact (including "all N matching"), staggered inside calling
 * hours. The preview is the server's own plan (a dry run), so what it shows is what gets written.
 * One Idempotency-Key per opening: pressing Schedule twice creates the batch once.
 */
export function ScheduleCallsDialog({
  zone,
  defaults,
  onClose,
  onScheduled,
}: {
  zone: ClinicZone;
  defaults: ScheduleDefaults;
  onClose: () => void;
  onScheduled: () => void;
}) {
  const filter = useContactSelection((state) => state.filter);
  const included = useContactSelection((state) => state.included);
  const excluded = useContactSelection((state) => state.excluded);
  const count = useContactSelection(selectedCount);
  // "1,000+" when the selection is a search whose count stopped at its cap.
  const countText = useContactSelection(selectedCountText);
  const clear = useContactSelection((state) => state.clear);

  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [when, setWhen] = useState<WallClock>(() => nextQuarterHour(Date.now(), zone.timeZone));
  const [stagger, setStagger] = useState(String(defaults.staggerMinutes));
  const [mode, setMode] = useState<BatchModeChoice>("staggered");
  const sequence = mode === "sequence";
  const [agentId, setAgentId] = useState(() => initialChoice(defaults.lines.agents, defaults.lines.defaultAgentId));
  const [phoneNumberId, setPhoneNumberId] = useState(() => initialChoice(defaults.lines.phoneNumbers, defaults.lines.defaultPhoneNumberId));
  const [script, setScript] = useState<CallScriptDraft>(EMPTY_SCRIPT);
  const [submitting, setSubmitting] = useState(false);
  // The answer to one request: once staff change what they send, it no longer speaks for the form.
  const [failedSubmit, setSubmitError] = useState<{ problem: Problem; attempt: number; sent: ScheduleRequest } | null>(null);

  const scheduledTime = wallClockToIso(when, zone.timeZone);
  const localErrors = scheduleFormErrors({ timePicked: scheduledTime !== null, stagger, sequence });
  const staggerInvalid = localErrors.staggerMinutes !== undefined;
  const request = useMemo<ScheduleRequest | null>(() => {
    if (!scheduledTime || staggerInvalid) return null;
    return {
      selection: toSelectionPayload({ filter, included, excluded }),
      scheduledTime,
      ...(sequence ? { mode: "sequence" as const } : { staggerMinutes: Number(stagger) }),
      ...(agentId ? { agentId } : {}),
      ...(phoneNumberId ? { agentPhoneNumberId: phoneNumberId } : {}),
      ...(toScriptPayload(script) ? { script: toScriptPayload(script) } : {}),
    };
  }, [filter, included, excluded, scheduledTime, staggerInvalid, stagger, sequence, agentId, phoneNumberId, script]);
  const preview = useSchedulePreview(request);
  const submitError = failedSubmit && failedSubmit.sent === request ? failedSubmit : null;

  const problem = submitError?.problem ?? (preview.status === "error" ? preview.problem : { status: 0 });
  const serverErrors = fieldErrorsOf(problem);
  // The script's fields are nested ("script.firstMessage"): keep their full paths.
  const scriptErrors = Object.fromEntries(
    (problem.issues ?? []).filter((issue) => issue.path.startsWith("script")).map((issue) => [issue.path, issue.message]),
  );
  const errors = {
    scheduledTime: localErrors.scheduledTime ?? serverErrors.scheduledTime,
    staggerMinutes: localErrors.staggerMinutes ?? serverErrors.staggerMinutes,
    agentId: serverErrors.agentId,
    agentPhoneNumberId: serverErrors.agentPhoneNumberId,
  };
  const nobodyToCall = preview.status === "ready" && preview.preview.scheduledCount === 0;
  const toSchedule = preview.status === "ready" ? preview.preview.scheduledCount : count;

  async function schedule(event: FormEvent) {
    event.preventDefault();
    if (!request) return;
    setSubmitting(true);
    setSubmitError(null);
    try {
      const res = await postSchedule(request, { dryRun: false, idempotencyKey });
      if (!res.ok) {
        setSubmitError({ problem: await readProblem(res), attempt: Date.now(), sent: request });
        return;
      }
      const { batch } = (await res.json()) as ScheduledBatch;
      if (sequence) announceSequence(batch);
      else announce(batch, zone);
      clear();
      onScheduled();
      onClose();
    } catch (reason) {
      setSubmitError({
        problem: {
          status: 0,
          detail: `Could not reach Callboard: ${String(reason)}. Check your connection and try again; the calls are scheduled at most once.`,
        },
        attempt: Date.now(),
        sent: request,
      });
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Dialog open onOpenChange={(open) => (open ? null : onClose())}>
      <DialogContent className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>
            Schedule calls to {countText} {count === 1 ? "contact" : "contacts"}
          </DialogTitle>
          <DialogDescription>
            Calls go out one after another from the time you pick, only in the clinic’s calling hours ({defaults.callingHours}) and between 08:00 and 21:00 of
            each patient’s own time; a call that would fall outside them moves to the next opening.
          </DialogDescription>
        </DialogHeader>

        <form id="schedule-calls-form" onSubmit={schedule} className="space-y-4" noValidate>
          <BatchModeFields value={mode} onChange={setMode} sequenceMax={SEQUENCE_MAX} />
          {sequence && count > SEQUENCE_MAX ? (
            <p role="alert" className="text-sm text-red-800">
              A sequence can call at most {SEQUENCE_MAX} patients; {countText} are selected. Untick some, or schedule them staggered.
            </p>
          ) : null}
          <WallClockFields value={when} onChange={setWhen} zone={zone} error={errors.scheduledTime} />
          {sequence ? null : (
            <Field
              name="staggerMinutes"
              label="Minutes between calls"
              error={errors.staggerMinutes}
              hint={`The clinic’s usual spacing is ${defaults.staggerMinutes} ${defaults.staggerMinutes === 1 ? "minute" : "minutes"}.`}
            >
              {(control) => (
                <Input
                  {...control}
                  // Text, not number: the field checks what was typed (a number input hands over "1e1" or a blank).
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  value={stagger}
                  onChange={(e) => setStagger(e.target.value)}
                  className="max-w-32"
                />
              )}
            </Field>
          )}
          <div className="grid gap-4 sm:grid-cols-2">
            <DialLineFields
              lines={defaults.lines}
              agentId={agentId}
              phoneNumberId={phoneNumberId}
              onAgentChange={setAgentId}
              onPhoneNumberChange={setPhoneNumberId}
              errors={errors}
              scope="these calls"
            />
          </div>

          <CallScriptFields value={script} onChange={setScript} errors={scriptErrors} />

          <SchedulePreviewPanel state={request ? preview : { status: "idle" }} zone={zone} idleHint={previewHint(localErrors)} />

          {submitError ? (
            <FormAlert key={submitError.attempt} focusOnMount>
              <p>{submitError.problem.detail}</p>
              {/Settings/.test(submitError.problem.detail ?? "") ? (
                <Link href="/settings" className="font-medium underline">
                  Open Settings
                </Link>
              ) : null}
            </FormAlert>
          ) : null}
        </form>

        <DialogFooter>
          <Button variant="outline" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" form="schedule-calls-form" loading={submitting} disabled={!request || nobodyToCall || (sequence && count > SEQUENCE_MAX)}>
            {sequence ? `Start calling ${toSchedule.toLocaleString("en")} one at a time` : `Schedule ${calls(toSchedule)}`}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

/** A toast that holds a link stays long enough to reach it (sonner's default is 4 s; it also pauses while hovered or focused). */
const LINK_TOAST_MS = 12_000;

/** "Calling 12 patients one at a time", with a link to the batch where its progress shows. */
function announceSequence(batch: ScheduledBatch["batch"]) {
  const id = `batch-${batch.id}`;
  toast.success(`Calling ${batch.scheduledCount.toLocaleString("en")} ${batch.scheduledCount === 1 ? "patient" : "patients"} one at a time`, {
    id,
    duration: LINK_TOAST_MS,
    description: (
      <>
        The next is called only if the one before does not book. {batch.skippedCount > 0 ? `${batch.skippedCount.toLocaleString("en")} skipped. ` : null}
        <Link
          href={`/scheduling?batch=${encodeURIComponent(batch.id)}`}
          onClick={() => toast.dismiss(id)}
          className="font-medium text-brand-700 underline underline-offset-2"
        >
          Follow it
        </Link>
      </>
    ),
  });
}

/** "3 calls scheduled for 2:00 PM – 2:04 PM", with the day, the zone and a link to the batch. */
function announce(batch: ScheduledBatch["batch"], zone: ClinicZone) {
  const { firstCallAt, lastCallAt } = batch;
  const range = firstCallAt && lastCallAt ? ` for ${clinicTimeRange(firstCallAt, lastCallAt, zone)}` : "";
  // The range names the days when it spans more than one; otherwise the day goes here.
  const day = !firstCallAt
    ? ""
    : `${lastCallAt && sameClinicDay(firstCallAt, lastCallAt, zone) ? `${clinicDay(firstCallAt, zone)}, ` : ""}${zoneTitle(zone.timeZone)} time (${zoneName(zone, firstCallAt)}). `;
  // Following the link dismisses the toast, so it does not sit over the page it opened.
  const id = `batch-${batch.id}`;
  toast.success(`${calls(batch.scheduledCount)} scheduled${range}`, {
    id,
    duration: LINK_TOAST_MS,
    description: (
      <>
        {day}
        {batch.skippedCount > 0 ? `${batch.skippedCount.toLocaleString("en")} skipped. ` : null}
        <Link
          href={`/scheduling?batch=${encodeURIComponent(batch.id)}`}
          onClick={() => toast.dismiss(id)}
          className="font-medium text-brand-700 underline underline-offset-2"
        >
          View the batch
        </Link>
      </>
    ),
  });
}
