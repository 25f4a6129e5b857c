"use client";

import { useMemo, useState, type FormEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { Field } from "@/components/forms/field";
import { fieldErrorsOf, readProblem } from "@/components/forms/problem";
import { FormAlert } from "@/components/auth/form-alert";
import { PasswordInput } from "@/components/auth/password-input";
import { guessCountry } from "@/components/auth/guess-country";
import { useBrowserLanguages, useBrowserTimeZone } from "@/hooks/use-browser-time-zone";

export interface CountryOption {
  code: string;
  name: string;
}

type FormError = { attempt: number; message: string; requestId?: string; signInLink?: boolean; takeFocus: boolean };

const FIELD_ORDER = ["name", "email", "password", "organizationName", "timezone", "defaultCountry"];

/** Groups IANA zones by their region ("Australia/Sydney" under "Australia") for a scannable list. */
function groupZones(zones: readonly string[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const zone of zones) {
    const region = zone.includes("/") ? zone.slice(0, zone.indexOf("/")) : "Other";
    groups.set(region, [...(groups.get(region) ?? []), zone]);
  }
  return [...groups.entries()];
}

export function SignupForm({ timeZones, countries }: { timeZones: string[]; countries: CountryOption[] }) {
  const router = useRouter();
  const browserZone = useBrowserTimeZone();
  const languages = useBrowserLanguages();
  const [chosenZone, setChosenZone] = useState<string | null>(null);
  const [chosenCountry, setChosenCountry] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<FormError | null>(null);
  const [pending, setPending] = useState(false);

  const knownCountries = useMemo(() => new Set(countries.map((c) => c.code)), [countries]);
  const zones = useMemo(() => (browserZone && !timeZones.includes(browserZone) ? [...timeZones, browserZone].sort() : timeZones), [browserZone, timeZones]);
  const timezone = chosenZone ?? browserZone ?? "";
  const country = chosenCountry ?? guessCountry(timezone || null, languages, knownCountries) ?? "";

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const input = {
      name: String(data.get("name") ?? ""),
      email: String(data.get("email") ?? ""),
      password: String(data.get("password") ?? ""),
      organizationName: String(data.get("organizationName") ?? ""),
      timezone,
      defaultCountry: country,
    };
    setPending(true);
    setFormError(null);
    setFieldErrors({});
    try {
      const response = await fetch("/api/signup", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(input) });
      if (!response.ok) {
        const problem = await readProblem(response);
        const errors = fieldErrorsOf(problem);
        const first = FIELD_ORDER.find((f) => errors[f]);
        const attempt = Date.now();
        setFieldErrors(errors);
        if (problem.code === "conflict") {
          setFormError({ attempt, message: problem.detail ?? "An account with this email already exists.", signInLink: true, takeFocus: !first });
        } else if (first) {
          setFormError({ attempt, message: "Some details need another look. Check the highlighted fields.", takeFocus: false });
        } else {
          setFormError({
            attempt,
            message: problem.detail ?? "We couldn't create your account. Try again in a moment.",
            requestId: problem.requestId,
            takeFocus: true,
          });
        }
        // A field error takes the focus to its field; an error of the whole form focuses the alert instead.
        if (first) (form.elements.namedItem(first) as HTMLElement | null)?.focus();
        setPending(false);
        return;
      }
      const result = await signIn("credentials", { email: input.email, password: input.password, redirect: false });
      if (!result?.ok || result.error) {
        toast.success("Your clinic is set up. Sign in to continue.");
        router.replace("/login");
        return;
      }
      toast.success(`Welcome to Callboard. ${input.organizationName} is ready.`);
      router.replace("/");
      router.refresh();
    } catch {
      setFormError({ attempt: Date.now(), message: "We couldn't reach Callboard. Check your connection and try again.", takeFocus: true });
      setPending(false);
    }
  }

  return (
    // method="post": a submit before hydration must not put the password in the URL (see LoginForm).
    <form method="post" action="/signup" onSubmit={onSubmit} className="space-y-5" noValidate>
      {formError ? (
        <FormAlert key={formError.attempt} focusOnMount={formError.takeFocus}>
          <p>{formError.message}</p>
          {formError.signInLink ? (
            <p>
              <Link href="/login" className="font-medium underline underline-offset-4">
                Go to sign in
              </Link>
            </p>
          ) : null}
          {formError.requestId ? <p className="text-xs text-red-700/80">Reference: {formError.requestId}</p> : null}
        </FormAlert>
      ) : null}

      <fieldset className="space-y-4">
        <legend className="text-xs font-medium tracking-wide text-zinc-500 uppercase">You</legend>
        <Field name="name" label="Your name" error={fieldErrors.name}>
          {(p) => <Input {...p} autoComplete="name" required autoFocus />}
        </Field>
        <Field name="email" label="Work email" error={fieldErrors.email}>
          {(p) => <Input {...p} type="email" autoComplete="email" required />}
        </Field>
        <Field name="password" label="Password" error={fieldErrors.password} hint="At least 8 characters.">
          {(p) => <PasswordInput {...p} autoComplete="new-password" required minLength={8} />}
        </Field>
      </fieldset>

      <fieldset className="space-y-4 border-t border-zinc-100 pt-5">
        <legend className="float-left mb-4 w-full text-xs font-medium tracking-wide text-zinc-500 uppercase">Your clinic</legend>
        <Field name="organizationName" label="Clinic name" error={fieldErrors.organizationName}>
          {(p) => <Input {...p} autoComplete="organization" required />}
        </Field>
        <Field name="timezone" label="Time zone" error={fieldErrors.timezone} hint="Calling hours and “today” follow this zone.">
          {(p) => (
            <Select {...p} value={timezone} onChange={(e) => setChosenZone(e.target.value)} required>
              {timezone ? null : <option value="">Choose a time zone</option>}
              {groupZones(zones).map(([region, list]) => (
                <optgroup key={region} label={region}>
                  {list.map((zone) => (
                    <option key={zone} value={zone}>
                      {zone.replaceAll("_", " ")}
                    </option>
                  ))}
                </optgroup>
              ))}
            </Select>
          )}
        </Field>
        <Field name="defaultCountry" label="Country" error={fieldErrors.defaultCountry} hint="Used to read local phone numbers.">
          {(p) => (
            <Select {...p} value={country} onChange={(e) => setChosenCountry(e.target.value)} required>
              {country ? null : <option value="">Choose a country</option>}
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </fieldset>

      <Button type="submit" className="w-full" loading={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </Button>
      <p className="text-center text-sm text-zinc-600">
        Already have an account?{" "}
        <Link href="/login" className="font-medium text-brand-700 underline-offset-4 hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
