"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/forms/field";
import { fieldErrorsOf } from "@/components/forms/problem";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/settings/copy-button";
import { sendJson } from "@/components/settings/send-json";
import { clinicDate, clinicTime, type ClinicZone } from "@/components/scheduling/clinic-time";
import { useConfirmAction } from "@/hooks/use-confirm-action";

export interface AgentRow {
  id: string;
  agentId: string;
  name: string;
  staffFacing: boolean;
  /** Null: no token yet (an agent carried over from the settings' agent id). */
  tokenPrefix: string | null;
  tokenCreatedAt: string | null;
}

interface Issued {
  agent: AgentRow;
  token: string;
  toolConfig: unknown;
}

/**
 * The clinic's ElevenLabs agents and their tool tokens. A token is shown once, right after it is made,
 * with the server-tool JSON that carries it; afterwards only its prefix is known here.
 */
export function AgentsCard({
  agents,
  defaultAgentId,
  placeholderConfig,
  zone,
}: {
  agents: AgentRow[];
  defaultAgentId: string | null;
  placeholderConfig: Record<string, unknown>;
  /** The clinic's zone: the server and the browser must print the same time (hydration), so date-fns patterns, not Intl. */
  zone: ClinicZone;
}) {
  const router = useRouter();
  const [issued, setIssued] = useState<Issued | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [staffFacing, setStaffFacing] = useState<Record<string, boolean>>({});
  const defaultRegistered = agents.some((a) => a.agentId === defaultAgentId);

  async function register(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSaving(true);
    setErrors({});
    const result = await sendJson<Issued>("/api/agents", "POST", { name: form.get("agentName"), agentId: form.get("registerAgentId") });
    setSaving(false);
    if (!result.ok) {
      const fields = fieldErrorsOf(result.problem);
      setErrors({ agentName: fields.name ?? "", registerAgentId: fields.agentId ?? "" });
      toast.error("Agent not added", { description: result.problem.detail });
      return;
    }
    setIssued(result.data);
    router.refresh();
  }

  const regenerate = useConfirmAction<AgentRow>(async (agent) => {
    const result = await sendJson<Issued>(`/api/agents/${agent.id}/token`, "POST");
    if (!result.ok) return result.problem.detail ?? "The token was not replaced. Try again.";
    setIssued(result.data);
    router.refresh();
    return null;
  });

  async function toggleStaffFacing(agent: AgentRow, next: boolean) {
    // Shown at once; put back if the server refuses.
    setStaffFacing((state) => ({ ...state, [agent.id]: next }));
    const result = await sendJson<{ agent: AgentRow }>(`/api/agents/${agent.id}`, "PATCH", { staffFacing: next });
    if (!result.ok) {
      setStaffFacing((state) => ({ ...state, [agent.id]: !next }));
      toast.error(`${agent.name} not changed`, { description: result.problem.detail });
      return;
    }
    toast.success(
      next
        ? `${agent.name} is staff-facing: it may tell names with today's appointments`
        : `${agent.name} answers patients: today's appointments without names`,
    );
    router.refresh();
  }

  const remove = useConfirmAction<AgentRow>(async (agent) => {
    const result = await sendJson<null>(`/api/agents/${agent.id}`, "DELETE");
    if (!result.ok) return result.problem.detail ?? "The agent was not removed. Try again.";
    toast.success(`${agent.name} removed`);
    setIssued(null);
    router.refresh();
    return null;
  });

  return (
    <div className="space-y-5">
      <h3 className="text-sm font-semibold text-zinc-900">Agents and tool tokens</h3>
      {agents.length === 0 ? (
        <p className="text-sm text-zinc-600">No agent has a tool token yet. Add the agent below to let it check and book appointments during calls.</p>
      ) : (
        <ul className="divide-y divide-zinc-100 rounded-lg border border-zinc-200" aria-label="Agents">
          {agents.map((agent) => (
            <li key={agent.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
              <div>
                <p className="font-medium text-zinc-900">
                  {agent.name} {agent.agentId === defaultAgentId ? <span className="text-xs font-normal text-zinc-500">(default agent)</span> : null}
                </p>
                <p className="font-mono text-xs text-zinc-600">{agent.agentId}</p>
                <p className="text-xs text-zinc-500">
                  {agent.tokenPrefix && agent.tokenCreatedAt ? (
                    <>
                      Token <code className="font-mono">{agent.tokenPrefix}…</code>, made{" "}
                      <span title={agent.tokenCreatedAt}>{`${clinicDate(agent.tokenCreatedAt, zone)}, ${clinicTime(agent.tokenCreatedAt, zone)}`}</span>
                    </>
                  ) : (
                    "No tool token yet: make one so the agent can book and schedule callbacks."
                  )}
                </p>
              </div>
              <div className="flex flex-wrap items-center gap-3">
                <label
                  className="inline-flex cursor-pointer items-center gap-2 text-sm text-zinc-700"
                  title="A staff-facing agent answers staff, not patients: it may say who has today's appointments."
                >
                  <input
                    type="checkbox"
                    role="switch"
                    className="size-4 cursor-pointer accent-brand-600"
                    checked={staffFacing[agent.id] ?? agent.staffFacing}
                    onChange={(e) => void toggleStaffFacing(agent, e.target.checked)}
                    aria-describedby="staff-facing-help"
                  />
                  Staff-facing<span className="sr-only"> ({agent.name})</span>
                </label>
                <Button
                  variant="outline"
                  size="sm"
                  onClick={() => regenerate.ask(agent)}
                  aria-label={`${agent.tokenPrefix ? "Regenerate token" : "Make a token"} for ${agent.name}`}
                >
                  {agent.tokenPrefix ? "Regenerate token" : "Make a token"}
                </Button>
                <Button variant="outline" size="sm" onClick={() => remove.ask(agent)} aria-label={`Remove ${agent.name}`}>
                  Remove
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {agents.length > 0 ? (
        <p id="staff-facing-help" className="text-xs text-zinc-500">
          Staff-facing: the agent answers staff, not patients, so it may tell who has today&apos;s appointments. Leave it off for agents patients talk to.
        </p>
      ) : null}

      {issued ? (
        <div role="status" className="space-y-3 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm">
          <p className="font-medium text-amber-900">Copy the token for {issued.agent.name} now: it is shown only once.</p>
          <div className="flex items-center gap-2">
            <Input aria-label="Agent token" readOnly value={issued.token} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
            <CopyButton value={issued.token} label="Copy token" />
          </div>
          <p>Paste these tools into the agent in ElevenLabs (they already carry the token in the X-Agent-Token header):</p>
          <pre aria-label="Server-tool configuration" className="max-h-72 overflow-auto rounded-md bg-white p-3 font-mono text-xs">
            {JSON.stringify(issued.toolConfig, null, 2)}
          </pre>
          <CopyButton value={JSON.stringify(issued.toolConfig, null, 2)} label="Copy tool JSON" />
        </div>
      ) : agents.length > 0 ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-zinc-700">Server-tool configuration (with a placeholder for the token)</summary>
          <pre className="mt-2 max-h-72 overflow-auto rounded-md bg-zinc-50 p-3 font-mono text-xs">{JSON.stringify(placeholderConfig, null, 2)}</pre>
        </details>
      ) : null}

      <form onSubmit={register} method="post" className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end" noValidate>
        <Field name="agentName" label="Agent name" error={errors.agentName || undefined}>
          {(control) => (
            <Input {...control} defaultValue={defaultRegistered || !defaultAgentId ? "" : "Default agent"} placeholder="Reception" autoComplete="off" />
          )}
        </Field>
        <Field name="registerAgentId" label="ElevenLabs agent ID" error={errors.registerAgentId || undefined}>
          {(control) => (
            <Input {...control} defaultValue={defaultRegistered ? "" : (defaultAgentId ?? "")} placeholder="agent_…" autoComplete="off" spellCheck={false} />
          )}
        </Field>
        <Button type="submit" loading={saving}>
          Add agent and create token
        </Button>
      </form>

      <ConfirmDialog
        {...regenerate.dialog}
        title={`Replace the token of ${regenerate.target?.name ?? "this agent"}?`}
        description="The current token stops working at once: the agent's tools fail until you paste the new one into ElevenLabs."
        confirmLabel="Replace token"
        cancelLabel="Keep the current token"
      />

      <ConfirmDialog
        {...remove.dialog}
        title={`Remove ${remove.target?.name ?? "this agent"}?`}
        description={
          remove.target?.agentId === defaultAgentId
            ? "It is the clinic's default agent: calls have no agent until you choose another. Its token stops working at once."
            : "Calls can no longer use it, and its token stops working at once."
        }
        confirmLabel="Remove agent"
        cancelLabel="Keep it"
      />
    </div>
  );
}
