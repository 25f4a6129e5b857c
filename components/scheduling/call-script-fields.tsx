"use client";

import { Field } from "@/components/forms/field";

export interface CallScriptDraft {
  firstMessage: string;
  prompt: string;
  /** One "name: value" per line, e.g. "clinic_address: 12 Harbour St". */
  variables: string;
}

export const EMPTY_SCRIPT: CallScriptDraft = { firstMessage: "", prompt: "", variables: "" };

/** The draft as the request's `script`, or undefined when nothing is set; names are checked by the server. */
export function toScriptPayload(draft: CallScriptDraft) {
  const variables: Record<string, string> = {};
  for (const line of draft.variables.split("\n")) {
    const at = line.indexOf(":");
    if (line.trim() === "") continue;
    variables[(at < 0 ? line : line.slice(0, at)).trim()] = at < 0 ? "" : line.slice(at + 1).trim();
  }
  const script = {
    ...(draft.firstMessage.trim() ? { firstMessage: draft.firstMessage } : {}),
    ...(draft.prompt.trim() ? { prompt: draft.prompt } : {}),
    ...(Object.keys(variables).length ? { variables } : {}),
  };
  return Object.keys(script).length ? script : undefined;
}

const textarea =
  "w-full rounded-md border border-zinc-300 px-3 py-2 text-sm shadow-xs focus:border-brand-500 focus:ring-2 focus:ring-brand-500/30 focus:outline-none aria-[invalid=true]:border-red-500";

/** The schedule dialog's collapsed "Call script" section: what every call of the batch says. */
export function CallScriptFields({
  value,
  onChange,
  errors,
}: {
  value: CallScriptDraft;
  onChange: (next: CallScriptDraft) => void;
  errors: Record<string, string | undefined>;
}) {
  const variableError = Object.entries(errors).find(([path]) => path.startsWith("script.variables") || path === "script")?.[1];
  const open = Boolean(errors["script.firstMessage"] || errors["script.prompt"] || variableError);
  return (
    <details className="rounded-md border border-zinc-200 px-3 py-2" open={open || undefined}>
      <summary className="cursor-pointer text-sm font-medium text-zinc-900">Call script (optional)</summary>
      <div className="mt-3 space-y-3">
        <Field
          name="scriptFirstMessage"
          label="First message"
          error={errors["script.firstMessage"]}
          hint="What the agent says first, instead of its usual greeting. {{contact_name}} works here."
        >
          {(control) => (
            <textarea
              {...control}
              rows={2}
              maxLength={1000}
              className={textarea}
              value={value.firstMessage}
              onChange={(e) => onChange({ ...value, firstMessage: e.target.value })}
            />
          )}
        </Field>
        <Field
          name="scriptPrompt"
          label="Prompt"
          error={errors["script.prompt"]}
          hint="The agent's instructions for these calls, instead of its own. The agent must allow overrides."
        >
          {(control) => (
            <textarea
              {...control}
              rows={4}
              maxLength={10000}
              className={textarea}
              value={value.prompt}
              onChange={(e) => onChange({ ...value, prompt: e.target.value })}
            />
          )}
        </Field>
        <Field
          name="scriptVariables"
          label="Variables"
          error={variableError}
          hint="One per line as name: value, e.g. clinic_address: 12 Harbour St (at most 20)."
        >
          {(control) => (
            <textarea {...control} rows={3} className={textarea} value={value.variables} onChange={(e) => onChange({ ...value, variables: e.target.value })} />
          )}
        </Field>
      </div>
    </details>
  );
}
