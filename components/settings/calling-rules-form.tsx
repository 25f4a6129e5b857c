"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { FieldMessage, Label } from "@/components/ui/label";
import { Field } from "@/components/forms/field";
import { fieldErrorsOf, readProblem } from "@/components/forms/problem";
import { tenantFetch } from "@/lib/http/tenant-fetch";
import { parseDigits } from "@/lib/text/digits";
import { SettingsConflict, useSettingsConflict } from "@/components/settings/settings-conflict";
import { nameTheClinic } from "@/components/settings/name-the-clinic";

/** The rules as GET /api/organizations/calling-rules answers them (hours as "09:00"). */
export interface CallingRules {
  callingDays: number[];
  callingWindowStart: string;
  callingWindowEnd: string;
  staggerMinutes: number;
  maxAttempts: number;
  concurrencyLimit: number;
  retryVoicemail: boolean;
  staleCallMinutes: number;
  maxCallsPerDay: number;
  maxCallsPerWeek: number;
  overCapAction: "DEFER" | "SKIP";
  transcriptRetentionDays: number;
  /** The section's version these rules are of: a save is refused (409) once someone saved since. */
  version: number;
}

const DAYS = [
  { day: 1, label: "Monday" },
  { day: 2, label: "Tuesday" },
  { day: 3, label: "Wednesday" },
  { day: 4, label: "Thursday" },
  { day: 5, label: "Friday" },
  { day: 6, label: "Saturday" },
  { day: 7, label: "Sunday" },
] as const;

/** The number fields, their bounds (the server's, repeated here for a quick answer) and their words. */
const NUMBERS = {
  staggerMinutes: { label: "Minutes between calls", min: 1, max: 60, hint: "How far apart the calls of a batch start." },
  maxAttempts: { label: "Attempts per call", min: 1, max: 10, hint: "Including the first try; a busy line or no answer is tried again later." },
  concurrencyLimit: { label: "Calls at once", min: 1, max: 50, hint: "At most this many of the clinic’s calls ring at the same time." },
  staleCallMinutes: {
    label: "Check on an unfinished call after (minutes)",
    min: 5,
    max: 240,
    hint: "A call with no result this long after it was placed is looked up at ElevenLabs and settled from its record.",
  },
  maxCallsPerDay: {
    label: "Calls per patient per day",
    min: 1,
    max: 10,
    hint: "Every call counts, answered or not, from any batch, callback or “Call now”; days are the patient’s own. 1 is the limit for health-care calls.",
  },
  maxCallsPerWeek: {
    label: "Calls per patient in 7 days",
    min: 1,
    max: 50,
    hint: "Any 7 days in a row, in the patient’s time. 3 is the limit for health-care calls.",
  },
  transcriptRetentionDays: {
    label: "Keep transcripts for (days)",
    min: 30,
    max: 3650,
    hint: "Older transcripts and analysis are deleted; the call, its outcome and summary stay.",
  },
} as const;

type NumberField = keyof typeof NUMBERS;
/** What the form holds: the rules as typed, and the version they were loaded at (sent with the save). */
type Draft = Omit<CallingRules, NumberField> & Record<NumberField, string>;

function draftOf(rules: CallingRules): Draft {
  return {
    ...rules,
    staggerMinutes: String(rules.staggerMinutes),
    maxAttempts: String(rules.maxAttempts),
    concurrencyLimit: String(rules.concurrencyLimit),
    staleCallMinutes: String(rules.staleCallMinutes),
    maxCallsPerDay: String(rules.maxCallsPerDay),
    maxCallsPerWeek: String(rules.maxCallsPerWeek),
    transcriptRetentionDays: String(rules.transcriptRetentionDays),
  };
}

/** The mistakes worth catching before the round trip; the server checks everything again. */
function validate(draft: Draft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (draft.callingDays.length === 0) errors.callingDays = "Pick at least one calling day";
  if (!draft.callingWindowStart) errors.callingWindowStart = "Enter the time calls may start";
  if (!draft.callingWindowEnd) errors.callingWindowEnd = "Enter the time calls must stop";
  else if (draft.callingWindowStart && draft.callingWindowEnd <= draft.callingWindowStart) errors.callingWindowEnd = "Must be later than the start";
  for (const [name, field] of Object.entries(NUMBERS) as [NumberField, (typeof NUMBERS)[NumberField]][]) {
    const n = parseDigits(draft[name]);
    if (n === null) errors[name] = "Enter a whole number in digits";
    else if (n < field.min || n > field.max) errors[name] = `Use ${field.min} to ${field.max}`;
  }
  if (!errors.maxCallsPerWeek && !errors.maxCallsPerDay && Number(draft.maxCallsPerWeek) < Number(draft.maxCallsPerDay))
    errors.maxCallsPerWeek = "Must be at least the calls a day";
  return errors;
}

/** Admins set when calls may go out (days and hours in the clinic's zone), how they are spaced and retried. */
export function CallingRulesForm({ initial, timeZoneLabel, clinicName }: { initial: CallingRules; timeZoneLabel: string; clinicName: string }) {
  const router = useRouter();
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial));
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { conflict, showIfConflict, clearConflict } = useSettingsConflict();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const toggleDay = (day: number, on: boolean) =>
    set("callingDays", on ? [...draft.callingDays, day].sort((a, b) => a - b) : draft.callingDays.filter((d) => d !== day));

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const found = validate(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirstError(form, found);
    setSaving(true);
    try {
      const res = await tenantFetch("/api/organizations/calling-rules", {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          callingDays: draft.callingDays,
          callingWindowStart: draft.callingWindowStart,
          callingWindowEnd: draft.callingWindowEnd,
          staggerMinutes: Number(draft.staggerMinutes),
          maxAttempts: Number(draft.maxAttempts),
          concurrencyLimit: Number(draft.concurrencyLimit),
          retryVoicemail: draft.retryVoicemail,
          staleCallMinutes: Number(draft.staleCallMinutes),
          maxCallsPerDay: Number(draft.maxCallsPerDay),
          maxCallsPerWeek: Number(draft.maxCallsPerWeek),
          overCapAction: draft.overCapAction,
          transcriptRetentionDays: Number(draft.transcriptRetentionDays),
          // Refused (409) once someone saved the rules since this form loaded them.
          version: draft.version,
        }),
      });
      if (!res.ok) {
        const problem = nameTheClinic(await readProblem(res), clinicName);
        const fieldErrors = fieldErrorsOf(problem);
        setErrors(fieldErrors);
        focusFirstError(form, fieldErrors);
        showIfConflict(problem);
        toast.error("Calling rules not saved", { description: problem.detail });
        return;
      }
      // The answer's version too: the next save is over the version this one made.
      setDraft(draftOf((await res.json()) as CallingRules));
      clearConflict();
      toast.success("Calling rules saved", {
        description: "New batches use them; calls already scheduled keep their times and are checked against the new hours before they are placed.",
      });
      router.refresh();
    } catch (reason) {
      toast.error("Calling rules not saved", { description: `Could not reach Callboard: ${String(reason)}` });
    } finally {
      setSaving(false);
    }
  }

  const numberField = (name: NumberField) => (
    <Field key={name} name={name} label={NUMBERS[name].label} error={errors[name]} hint={NUMBERS[name].hint}>
      {(control) => (
        <Input
          {...control}
          type="number"
          inputMode="numeric"
          min={NUMBERS[name].min}
          max={NUMBERS[name].max}
          step={1}
          value={draft[name]}
          onChange={(e) => set(name, e.target.value)}
          className="max-w-32"
        />
      )}
    </Field>
  );

  return (
    <form onSubmit={save} aria-label="Calling hours and retries" className="space-y-5 px-5 py-4" noValidate>
      <fieldset aria-describedby="field-callingDays-message">
        <legend className="text-sm font-medium text-zinc-800">Calling days</legend>
        <div className="mt-2 flex flex-wrap gap-x-4 gap-y-2">
          {DAYS.map(({ day, label }) => (
            <div key={day} className="flex items-center gap-2">
              <Checkbox
                id={`calling-day-${day}`}
                name="callingDays"
                checked={draft.callingDays.includes(day)}
                onChange={(e) => toggleDay(day, e.target.checked)}
                aria-invalid={errors.callingDays ? true : undefined}
              />
              <Label htmlFor={`calling-day-${day}`} className="font-normal">
                {label}
              </Label>
            </div>
          ))}
        </div>
        <FieldMessage id="field-callingDays-message" error={errors.callingDays} hint="Scheduled calls go out only on these days." />
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="callingWindowStart" label="Calls start at" error={errors.callingWindowStart} hint={`${timeZoneLabel} time.`}>
          {(control) => (
            <Input
              {...control}
              type="time"
              step={60}
              value={draft.callingWindowStart}
              onChange={(e) => set("callingWindowStart", e.target.value)}
              className="max-w-36"
            />
          )}
        </Field>
        <Field name="callingWindowEnd" label="Calls stop at" error={errors.callingWindowEnd} hint="No call starts at or after this time.">
          {(control) => (
            <Input
              {...control}
              type="time"
              step={60}
              value={draft.callingWindowEnd}
              onChange={(e) => set("callingWindowEnd", e.target.value)}
              className="max-w-36"
            />
          )}
        </Field>
      </div>

      <div className="grid gap-4 sm:grid-cols-2">{(Object.keys(NUMBERS) as NumberField[]).map(numberField)}</div>

      <div className="flex items-start gap-2">
        <Checkbox
          id="field-retryVoicemail"
          name="retryVoicemail"
          checked={draft.retryVoicemail}
          onChange={(e) => set("retryVoicemail", e.target.checked)}
          className="mt-0.5"
          aria-describedby="field-retryVoicemail-hint"
        />
        <div>
          <Label htmlFor="field-retryVoicemail">Try again when a call reaches voicemail</Label>
          <p id="field-retryVoicemail-hint" className="mt-0.5 text-xs text-zinc-500">
            Off: a voicemail counts as done.
          </p>
        </div>
      </div>

      <div>
        <Label htmlFor="field-overCapAction">A call over the patient’s limit</Label>
        <select
          id="field-overCapAction"
          name="overCapAction"
          value={draft.overCapAction}
          onChange={(e) => set("overCapAction", e.target.value as Draft["overCapAction"])}
          aria-describedby="field-overCapAction-hint"
          className="mt-1.5 block h-9 rounded-md border border-zinc-300 bg-white px-2 text-sm focus-visible:ring-2 focus-visible:ring-zinc-400 focus-visible:outline-none"
        >
          <option value="DEFER">Moves to the next time it is allowed</option>
          <option value="SKIP">Is not placed (cancelled, with the reason)</option>
        </select>
        <p id="field-overCapAction-hint" className="mt-0.5 text-xs text-zinc-500">
          Checked when calls are scheduled and again just before each call is placed.
        </p>
      </div>

      <SettingsConflict conflict={conflict} />
      <div className="flex justify-end">
        <Button type="submit" loading={saving}>
          Save calling rules
        </Button>
      </div>
    </form>
  );
}

/** Moves focus to the first field with an error, so a keyboard or screen-reader user lands on it. */
function focusFirstError(form: HTMLFormElement, errors: Record<string, string>) {
  const first = Object.keys(errors)[0];
  if (!first) return;
  const target = first === "callingDays" ? form.querySelector<HTMLElement>("#calling-day-1") : form.querySelector<HTMLElement>(`#field-${first}`);
  target?.focus();
}
