import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServerToolConfig } from "@/lib/agents/server-tool-config";
import { createSimulator, type Simulator } from "@/simulator/create-simulator";
import { startWebhookReceiver } from "../elevenlabs/helpers/webhook-receiver";

type Seen = { path: string; token: string | undefined; body: Record<string, unknown> };

/** A stand-in for Callboard's agent actions: the first day asked about is full, the next has 09:30 free. */
async function startAgentActions() {
  const seen: Seen[] = [];
  let day = 0;
  const server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString() || "{}") as Record<string, unknown>;
    seen.push({ path: req.url ?? "", token: req.headers["x-agent-token"] as string | undefined, body });
    const answer = req.url?.startsWith("/api/agent-actions/check-availability/")
      ? {
          date: body.date,
          slots:
            day++ === 0
              ? [{ start_time: "09:00", available: false }]
              : [
                  { start_time: "09:00", available: false },
                  { start_time: "09:30", available: true },
                ],
          message: "…",
        }
      : req.url?.startsWith("/api/agent-actions/book-appointment/")
        ? { success: true, appointment_id: "appt_1", message: `Done — ${String(body.customer_name)} is booked for 9:30 AM.` }
        : { success: true, message: "Done — I'll call you tomorrow at 10:00 AM." };
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let simulator: Simulator;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let app: Awaited<ReturnType<typeof startAgentActions>>;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  app = await startAgentActions();
  simulator = await createSimulator({
    seed: 7,
    latencyMs: 0,
    failureRate: 0,
    callDurationMs: 60_000,
    webhookUrl: receiver.url,
    webhookSecret: "wsec_tools",
    phoneNumbers: { phnum_1: { number: "+61255509999", agentId: "agent_tools" } },
  });
});
afterAll(async () => {
  await simulator.close();
  await receiver.close();
  await app.close();
});

async function dialAndFinish() {
  const res = await fetch(`${simulator.url}/v1/convai/twilio/outbound-call`, {
    method: "POST",
    headers: { "xi-api-key": "k", "content-type": "application/json" },
    body: JSON.stringify({
      agent_id: "agent_tools",
      agent_phone_number_id: "phnum_1",
      to_number: "+61491570156",
      conversation_initiation_client_data: { user_id: "att_1", dynamic_variables: { contact_name: "Jane Citizen" } },
    }),
  });
  const { conversation_id } = (await res.json()) as { conversation_id: string };
  while (simulator.advance() > 0);
  await simulator.whenIdle();
  return conversation_id;
}

const transcriptOf = (index: number) => JSON.stringify((JSON.parse(receiver.received[index]!.rawBody) as { data: { transcript: unknown } }).data.transcript);

describe("the simulated agent's server tools", () => {
  it("a booking call checks availability day by day and books the first free slot with the token, the caller's number and the conversation id", async () => {
    simulator.configure({ agentTools: { agent_tools: buildServerToolConfig(app.url, "agent_tools", "cbat_simulated") } });
    simulator.injectFault("appointment_booked", 1);
    const conversationId = await dialAndFinish();
    expect(app.seen.map((s) => s.path.split("/")[3])).toEqual(["check-availability", "check-availability", "book-appointment"]);
    expect(app.seen.every((s) => s.token === "cbat_simulated")).toBe(true);
    // Outbound: the clinic's line rang the patient, so caller_id is the clinic's number and called_number the patient's.
    const system = { caller_id: "+61255509999", called_number: "+61491570156", conversation_id: conversationId };
    expect(
      app.seen.every(
        (s) => s.body.caller_id === system.caller_id && s.body.called_number === system.called_number && s.body.conversation_id === conversationId,
      ),
    ).toBe(true);
    expect(app.seen[2]!.body).toMatchObject({
      ...system,
      date: app.seen[1]!.body.date,
      start_time: "09:30",
      customer_name: "Jane Citizen",
    });
    // Only the system variables name the patient: the tool JSON has no number for the LLM to fill.
    expect(app.seen[2]!.body).not.toHaveProperty("customer_phone");
    expect(transcriptOf(0)).toContain("Done — Jane Citizen is booked for 9:30 AM.");
  });

  it("a callback call schedules the call back; an agent without tools only tells the story", async () => {
    app.seen.length = 0;
    simulator.injectFault("callback_scheduled", 1);
    await dialAndFinish();
    expect(app.seen).toHaveLength(1);
    expect(app.seen[0]!.body).not.toHaveProperty("phone_number");
    expect(app.seen[0]!.body).toMatchObject({
      caller_id: "+61255509999",
      called_number: "+61491570156",
      time: expect.stringMatching(/tomorrow at \d/),
    });
    // The time sent is the one the patient asked for in the transcript; the agent then says the app's answer.
    expect(transcriptOf(1)).toContain(`Could you call me back ${String(app.seen[0]!.body.time)}?`);
    expect(transcriptOf(1)).toContain("Done — I'll call you tomorrow at 10:00 AM.");

    app.seen.length = 0;
    simulator.configure({ agentTools: {} });
    simulator.injectFault("appointment_booked", 1);
    await dialAndFinish();
    expect(app.seen).toHaveLength(0);
    // Tokens never come back from the admin API.
    simulator.configure({ agentTools: { agent_tools: buildServerToolConfig(app.url, "agent_tools", "cbat_simulated") } });
    expect(await (await fetch(`${simulator.url}/_simulator/config`)).text()).not.toContain("cbat_simulated");
  });
});
