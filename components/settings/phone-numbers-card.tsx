"use client";

import { useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/forms/field";
import { FormAlert } from "@/components/auth/form-alert";
import { fieldErrorsOf, type Problem } from "@/components/forms/problem";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { sendJson } from "@/components/settings/send-json";
import { useConfirmAction } from "@/hooks/use-confirm-action";

export interface PhoneNumberRow {
  id: string;
  phoneNumberId: string;
  /** The number as staff read it; null until known. */
  number: string | null;
  label: string;
}

/**
 * The clinic's ElevenLabs phone numbers: calls are placed from them and patients ring them. A number or
 * phone-number id belongs to one clinic, so registering one held elsewhere is refused (409) without saying where.
 */
export function PhoneNumbersCard({ numbers, defaultPhoneNumberId }: { numbers: PhoneNumberRow[]; defaultPhoneNumberId: string | null }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<(Problem & { attempt: number }) | null>(null);
  // A 409 (held by a clinic, this one or another) reads best as one plain sentence, not a field error.
  const errors = problem && problem.status !== 409 ? fieldErrorsOf(problem) : {};

  async function register(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSaving(true);
    setProblem(null);
    const result = await sendJson<{ phoneNumber: { label: string } }>("/api/phone-numbers", "POST", {
      phoneNumberId: form.get("phoneNumberId"),
      phoneNumber: form.get("phoneNumber"),
      label: form.get("phoneLabel"),
    });
    setSaving(false);
    if (!result.ok) {
      setProblem({ ...result.problem, attempt: Date.now() });
      return;
    }
    toast.success(`${result.data.phoneNumber.label} registered`);
    formRef.current?.reset();
    router.refresh();
  }

  const remove = useConfirmAction<PhoneNumberRow>(async (number) => {
    const result = await sendJson<null>(`/api/phone-numbers/${number.id}`, "DELETE");
    if (!result.ok) return result.problem.detail ?? "The number was not removed. Try again.";
    toast.success(`${number.label} removed`);
    router.refresh();
    return null;
  });

  return (
    <div className="space-y-4">
      <h3 className="text-sm font-semibold text-zinc-900">Phone numbers</h3>
      {numbers.length === 0 ? (
        <p className="text-sm text-zinc-600">No phone number is registered yet. Add the Twilio number the agent calls from (ElevenLabs → Phone numbers).</p>
      ) : (
        <ul className="divide-y divide-zinc-100 rounded-lg border border-zinc-200" aria-label="Phone numbers">
          {numbers.map((number) => (
            <li key={number.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
              <div>
                <p className="font-medium text-zinc-900">
                  {number.label}{" "}
                  {number.phoneNumberId === defaultPhoneNumberId ? <span className="text-xs font-normal text-zinc-500">(default number)</span> : null}
                </p>
                <p className="text-zinc-700 tabular-nums">{number.number ?? "Number not known yet"}</p>
                <p className="font-mono text-xs text-zinc-600">{number.phoneNumberId}</p>
              </div>
              <Button variant="outline" size="sm" onClick={() => remove.ask(number)} aria-label={`Remove ${number.label}`}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}

      <form ref={formRef} onSubmit={register} method="post" className="space-y-3" noValidate aria-label="Register a phone number">
        <div className="grid gap-3 sm:grid-cols-3">
          <Field name="phoneNumberId" label="ElevenLabs phone-number ID" error={errors.phoneNumberId}>
            {(control) => <Input {...control} placeholder="phnum_…" autoComplete="off" spellCheck={false} />}
          </Field>
          <Field name="phoneNumber" label="The number (E.164)" error={errors.phoneNumber}>
            {(control) => <Input {...control} type="tel" placeholder="+61 2 5550 1000" autoComplete="off" />}
          </Field>
          <Field name="phoneLabel" label="Label" error={errors.label}>
            {(control) => <Input {...control} placeholder="Front desk" autoComplete="off" />}
          </Field>
        </div>
        {problem && Object.keys(errors).length === 0 ? (
          <FormAlert key={problem.attempt} focusOnMount>
            <p>{problem.detail}</p>
          </FormAlert>
        ) : null}
        <div className="flex justify-end">
          <Button type="submit" loading={saving}>
            Register number
          </Button>
        </div>
      </form>

      <ConfirmDialog
        {...remove.dialog}
        title={`Remove ${remove.target?.label ?? "this number"}?`}
        description={
          remove.target?.phoneNumberId === defaultPhoneNumberId
            ? "It is the clinic's default number: calls have no number to come from until you choose another. Calls scheduled from it fail with the reason."
            : "Calls can no longer come from it; calls scheduled from it fail with the reason."
        }
        confirmLabel="Remove number"
        cancelLabel="Keep it"
      />
    </div>
  );
}
