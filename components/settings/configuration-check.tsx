"use client";

import { useState, type FormEvent } from "react";
import { CheckCircle2, CircleAlert, XCircle } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/forms/field";
import { fieldErrorsOf } from "@/components/forms/problem";
import { sendJson } from "@/components/settings/send-json";

interface Check {
  id: string;
  label: string;
  status: "ok" | "warning" | "missing";
  message: string;
}

const ICONS = { ok: CheckCircle2, warning: CircleAlert, missing: XCircle } as const;
const COLORS = { ok: "text-emerald-600", warning: "text-amber-600", missing: "text-red-600" } as const;
const WORDS = { ok: "OK", warning: "Check", missing: "Missing" } as const;

/** Asks ElevenLabs whether the setup works, in plain words; then a test call to the admin's own phone. */
export function ConfigurationCheck() {
  const [checks, setChecks] = useState<Check[] | null>(null);
  const [checking, setChecking] = useState(false);
  const [calling, setCalling] = useState(false);
  const [phoneError, setPhoneError] = useState<string | undefined>();

  async function run() {
    setChecking(true);
    const result = await sendJson<{ ready: boolean; checks: Check[] }>("/api/organizations/configuration-check", "POST");
    setChecking(false);
    if (!result.ok) return toast.error("Could not run the check", { description: result.problem.detail });
    setChecks(result.data.checks);
  }

  async function testCall(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const phoneNumber = String(new FormData(event.currentTarget).get("testCallPhone") ?? "");
    setCalling(true);
    setPhoneError(undefined);
    const result = await sendJson<{ toNumber: string }>("/api/organizations/test-call", "POST", { phoneNumber });
    setCalling(false);
    if (!result.ok) {
      setPhoneError(fieldErrorsOf(result.problem).phoneNumber);
      return toast.error("Test call not placed", { description: result.problem.detail });
    }
    toast.success(`Calling ${result.data.toNumber} now`);
  }

  return (
    <div className="space-y-5 px-5 py-4">
      <div>
        <Button variant="outline" onClick={() => void run()} loading={checking}>
          Check configuration
        </Button>
        {checks ? (
          <ul className="mt-3 space-y-2 text-sm" aria-label="Configuration check results">
            {checks.map((check) => {
              const Icon = ICONS[check.status];
              return (
                <li key={check.id} className="flex gap-2">
                  <Icon aria-hidden className={`mt-0.5 size-4 shrink-0 ${COLORS[check.status]}`} />
                  <span>
                    <span className="font-medium text-zinc-900">
                      {check.label} — {WORDS[check.status]}:
                    </span>{" "}
                    {check.message}
                  </span>
                </li>
              );
            })}
          </ul>
        ) : null}
      </div>
      <form onSubmit={testCall} method="post" className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end" noValidate>
        <Field
          name="testCallPhone"
          label="Test call to your own phone"
          error={phoneError}
          hint="The default agent calls this number once, the way it calls patients."
        >
          {(control) => <Input {...control} type="tel" autoComplete="tel" placeholder="0412 345 678" />}
        </Field>
        <Button type="submit" loading={calling}>
          Call me
        </Button>
      </form>
    </div>
  );
}
