import { AppError } from "@/lib/errors";
import type { ElevenLabsClient } from "@/lib/elevenlabs/client";
import type { CallScript } from "@/lib/scheduling/call-script-schema";

/**
 * Refuses (422) a call script the agent would not honour: ElevenLabs ignores or refuses a first
 * message or prompt override unless the agent's security settings allow it, and every call of the
 * batch would then go out with a script nobody hears. Asks ElevenLabs for the agent's settings
 * (GET agent, platform_settings.overrides); an agent that does not say is given the benefit of the
 * doubt. When ElevenLabs cannot be asked, the batch is not scheduled either (502, try again).
 */
export async function checkScriptOverrides(client: ElevenLabsClient, agentId: string, script: CallScript): Promise<void> {
  if (script.firstMessage === null && script.prompt === null) return;
  const agent = await client.getAgent(agentId);
  if (!agent.ok) {
    if (agent.error.status === 404)
      throw new AppError("unprocessable", `ElevenLabs has no agent ${agentId}, so the call script cannot be checked. Check the agent in Settings.`);
    throw new AppError(
      "provider_error",
      `Could not ask ElevenLabs whether agent ${agentId} allows a call script (${agent.error.message}). Try again in a minute.`,
    );
  }
  const refused: Array<{ path: string; what: string }> = [];
  if (script.firstMessage !== null && agent.value.overrides.firstMessage === false) refused.push({ path: "script.firstMessage", what: "first message" });
  if (script.prompt !== null && agent.value.overrides.prompt === false) refused.push({ path: "script.prompt", what: "prompt" });
  if (refused.length === 0) return;
  const fields = refused.map((field) => field.what).join(" and ");
  throw new AppError(
    "unprocessable",
    `The agent does not allow its ${fields} to be replaced, so this call script cannot be used. Allow overrides in ElevenLabs (the agent → Security → Overrides), or leave the ${fields} empty.`,
    { issues: refused.map((field) => ({ path: field.path, message: `The agent does not allow a ${field.what} override` })) },
  );
}
