import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createElevenLabsClient } from "@/lib/elevenlabs/client";
import { createSimulator, type Simulator } from "@/simulator/create-simulator";

describe("GET agent and phone number, client against the simulator", () => {
  let simulator: Simulator;
  beforeAll(async () => {
    simulator = await createSimulator({ seed: 7, webhookUrl: null });
  });
  afterAll(() => simulator.close());
  const client = () => createElevenLabsClient({ apiKey: "k", baseUrl: simulator.url, timeoutMs: 2000 });

  it("reads an agent with its override permissions, and a phone number", async () => {
    const agent = await client().getAgent("agent_reception");
    expect(agent).toEqual({
      ok: true,
      value: {
        agentId: "agent_reception",
        name: "Simulated clinic agent",
        firstMessage: "Hi {{contact_name}}, this is {{clinic_name}} calling.",
        overrides: { firstMessage: true, prompt: true, language: true },
      },
    });
    const phone = await client().getPhoneNumber("phnum_main");
    expect(phone.ok && phone.value).toMatchObject({ phoneNumberId: "phnum_main", phoneNumber: expect.stringMatching(/^\+\d+$/) });
    expect(simulator.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /v1/convai/agents/agent_reception",
      "GET /v1/convai/phone-numbers/phnum_main",
    ]);
  });

  it("answers 404 for unknown ids and reports overrides that are off", async () => {
    simulator.configure({ unknownIds: ["agent_gone", "phnum_gone"], overridesEnabled: false });
    const gone = await client().getAgent("agent_gone");
    expect(gone.ok ? null : gone.error).toMatchObject({ kind: "permanent", status: 404 });
    const phone = await client().getPhoneNumber("phnum_gone");
    expect(phone.ok ? null : phone.error.status).toBe(404);
    const locked = await client().getAgent("agent_other");
    expect(locked.ok && locked.value.overrides).toEqual({ firstMessage: false, prompt: false, language: false });
  });

  it("serves each agent's own first message when one is configured", async () => {
    simulator.configure({ agentFirstMessages: { agent_plain: "Hello, is this a good time?" } });
    const plain = await client().getAgent("agent_plain");
    expect(plain.ok && plain.value.firstMessage).toBe("Hello, is this a good time?");
    const other = await client().getAgent("agent_default");
    expect(other.ok && other.value.firstMessage).toContain("{{clinic_name}}");
  });

  it("requires the API key like every other endpoint", async () => {
    const res = await fetch(`${simulator.url}/v1/convai/agents/agent_x`);
    expect(res.status).toBe(401);
  });
});
