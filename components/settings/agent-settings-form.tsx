"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { Field } from "@/components/forms/field";
import { fieldErrorsOf, readProblem } from "@/components/forms/problem";
import type { DialLineOption } from "@/components/calls/dial-lines";
import { tenantFetch } from "@/lib/http/tenant-fetch";
import { SettingsConflict, useSettingsConflict } from "@/components/settings/settings-conflict";
import { nameTheClinic } from "@/components/settings/name-the-clinic";

interface AgentSettings {
  elevenLabsAgentId: string | null;
  elevenLabsPhoneNumberId: string | null;
  /** The section's version these values are of: a save is refused (409) once someone saved since. */
  version: number;
}

/** A default that is not among the clinic's own (left over from before registration) shows as no default. */
const ownOrNone = (options: DialLineOption[], value: string | null) => (value && options.some((o) => o.value === value) ? value : "");

/** Admins choose, among the clinic's registered agents and numbers, the ones every call uses by default. */
export function AgentSettingsForm({
  initial,
  agents,
  phoneNumbers,
  clinicName,
}: {
  initial: AgentSettings;
  agents: DialLineOption[];
  phoneNumbers: DialLineOption[];
  clinicName: string;
}) {
  const router = useRouter();
  const [chosenAgentId, setAgentId] = useState(initial.elevenLabsAgentId);
  const [chosenPhoneNumberId, setPhoneNumberId] = useState(initial.elevenLabsPhoneNumberId);
  // Read against the lists as they are now: a default removed on this page since (the lists refresh, the state does not) shows and saves as none.
  const agentId = ownOrNone(agents, chosenAgentId);
  const phoneNumberId = ownOrNone(phoneNumbers, chosenPhoneNumberId);
  const [version, setVersion] = useState(initial.version);
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { conflict, showIfConflict, clearConflict } = useSettingsConflict();

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setErrors({});
    try {
      const res = await tenantFetch("/api/organizations/settings", {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ elevenLabsAgentId: agentId || null, elevenLabsPhoneNumberId: phoneNumberId || null, version }),
      });
      if (!res.ok) {
        const problem = nameTheClinic(await readProblem(res), clinicName);
        setErrors(fieldErrorsOf(problem));
        showIfConflict(problem);
        toast.error("Settings not saved", { description: problem.detail });
        return;
      }
      // The next save is over the version this one made.
      setVersion(((await res.json()) as AgentSettings).version);
      clearConflict();
      toast.success("Voice agent settings saved");
      router.refresh();
    } catch (reason) {
      toast.error("Settings not saved", { description: `Could not reach Callboard: ${String(reason)}` });
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={save} className="space-y-4 px-5 py-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          name="elevenLabsAgentId"
          label="Default agent"
          error={errors.elevenLabsAgentId}
          hint={agents.length ? "One of the agents registered below." : "Register an agent below first."}
        >
          {(control) => (
            <Select {...control} value={agentId} onChange={(e) => setAgentId(e.target.value)}>
              <option value="">No default</option>
              {agents.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label} ({option.detail})
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field
          name="elevenLabsPhoneNumberId"
          label="Default phone number"
          error={errors.elevenLabsPhoneNumberId}
          hint={phoneNumbers.length ? "Calls come from this number unless staff choose another." : "Register a phone number below first."}
        >
          {(control) => (
            <Select {...control} value={phoneNumberId} onChange={(e) => setPhoneNumberId(e.target.value)}>
              <option value="">No default</option>
              {phoneNumbers.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label} ({option.detail})
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <SettingsConflict conflict={conflict} />
      <div className="flex justify-end">
        <Button type="submit" loading={saving}>
          Save
        </Button>
      </div>
    </form>
  );
}
