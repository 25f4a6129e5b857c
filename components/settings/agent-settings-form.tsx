"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/forms/field";
import { fieldErrorsOf, readProblem } from "@/components/forms/problem";

interface AgentSettings {
  elevenLabsAgentId: string | null;
  elevenLabsPhoneNumberId: string | null;
}

/** Admins paste the ElevenLabs agent ID and phone-number ID every call of the clinic uses by default. */
export function AgentSettingsForm({ initial }: { initial: AgentSettings }) {
  const router = useRouter();
  const [agentId, setAgentId] = useState(initial.elevenLabsAgentId ?? "");
  const [phoneNumberId, setPhoneNumberId] = useState(initial.elevenLabsPhoneNumberId ?? "");
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setErrors({});
    try {
      const res = await fetch("/api/organizations/settings", {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ elevenLabsAgentId: agentId, elevenLabsPhoneNumberId: phoneNumberId }),
      });
      if (!res.ok) {
        const problem = await readProblem(res);
        setErrors(fieldErrorsOf(problem));
        toast.error("Settings not saved", { description: problem.detail });
        return;
      }
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
      <Field name="elevenLabsAgentId" label="Agent ID" error={errors.elevenLabsAgentId} hint="ElevenLabs → Agents → your agent → the ID under its name (agent_…).">
        {(control) => <Input {...control} value={agentId} onChange={(e) => setAgentId(e.target.value)} placeholder="agent_…" autoComplete="off" spellCheck={false} />}
      </Field>
      <Field name="elevenLabsPhoneNumberId" label="Phone-number ID" error={errors.elevenLabsPhoneNumberId} hint="ElevenLabs → Phone numbers → the Twilio number calls come from (phnum_…).">
        {(control) => <Input {...control} value={phoneNumberId} onChange={(e) => setPhoneNumberId(e.target.value)} placeholder="phnum_…" autoComplete="off" spellCheck={false} />}
      </Field>
      <div className="flex justify-end">
        <Button type="submit" loading={saving}>
          Save
        </Button>
      </div>
    </form>
  );
}
