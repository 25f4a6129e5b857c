/** The e2e server's ElevenLabs simulator listens here, so tests can force what the next dial does. */
export const E2E_SIMULATOR_PORT = 4110;

export async function injectSimulatorFault(mode: "500" | "429" | "422" | "busy" | "appointment_booked" | "callback_scheduled" | "voicemail", count = 1) {
  const res = await fetch(`http://127.0.0.1:${E2E_SIMULATOR_PORT}/_simulator/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ mode, count }),
  });
  if (!res.ok) throw new Error(`The simulator refused the fault: ${res.status} ${await res.text()}`);
}

/** Changes the e2e simulator's options at runtime (`POST /_simulator/config`). */
export async function configureSimulator(config: Record<string, unknown>) {
  const res = await fetch(`http://127.0.0.1:${E2E_SIMULATOR_PORT}/_simulator/config`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(config),
  });
  if (!res.ok) throw new Error(`The simulator refused the config: ${res.status} ${await res.text()}`);
}

/** A patient rings the clinic (`POST /_simulator/inbound`): initiation webhook, tools, then the post-call webhook. */
export async function playInboundCall(call: {
  from: string;
  agentId: string;
  outcome?: "appointment_booked" | "callback_scheduled" | "resolved";
  name?: string;
}) {
  const res = await fetch(`http://127.0.0.1:${E2E_SIMULATOR_PORT}/_simulator/inbound`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(call),
  });
  if (!res.ok) throw new Error(`The simulator refused the inbound call: ${res.status} ${await res.text()}`);
  return (await res.json()) as { conversation_id: string };
}
