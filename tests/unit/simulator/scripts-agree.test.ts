import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCallbackTime } from "@/lib/appointments/parse-callback-time";
import { runAgentTools, type ToolResult } from "@/simulator/agent-tools";
import { buildClinicScript, type ClinicScript } from "@/simulator/clinic-script";
import { buildInboundScript, INBOUND_OUTCOMES } from "@/simulator/inbound-script";
import { CALL_OUTCOMES, type AgentTools } from "@/simulator/options";
import { choosePatientAsk, type PatientAsk } from "@/simulator/patient-ask";
import { mulberry32 } from "@/simulator/prng";
import { conversationResponse, type SimulatedCall } from "@/simulator/simulated-call";

// Each simulated conversation tells one story: what the patient asks for is what the agent repeats, what
// the tools are sent, and what the summary and the data collection say.

const variables = { contact_name: "Jane Doe", greeting: "Good morning", clinic_name: "Sunrise Family Clinic" };
const asks: PatientAsk[] = Array.from({ length: 12 }, (_, seed) => choosePatientAsk(mulberry32(seed)));
const said = (script: ClinicScript, role: "agent" | "user") => script.transcript.filter((turn) => turn.role === role).map((turn) => turn.message);
const outcomeOf = (script: ClinicScript, outcome: string) =>
  conversationResponse({ status: "done", plan: { kind: "answered", outcome, ask: asks[0]!, script }, direction: "outbound" } as unknown as SimulatedCall)
    .analysis?.data_collection_results.call_outcome.value;

describe("scripts without the app's tools", () => {
  it.each(asks.map((ask, seed) => [seed, ask] as const))("seed %i: a call-back is asked, repeated and summed up with the same words", (_seed, ask) => {
    for (const script of [buildClinicScript(variables, "callback_scheduled", ask), buildInboundScript(variables, "callback_scheduled", ask, null)]) {
      expect(said(script, "user").some((line) => line.includes(ask.callbackWhen))).toBe(true);
      expect(said(script, "agent").some((line) => line.includes(ask.callbackWhen))).toBe(true);
      expect(script.summary).toContain(ask.callbackWhen);
      expect(script.rationale).toContain(ask.callbackWhen);
      expect(outcomeOf(script, "callback_scheduled")).toBe("callback_scheduled");
    }
  });

  it.each(asks.map((ask, seed) => [seed, ask] as const))("seed %i: a booking names one day and time throughout", (_seed, ask) => {
    for (const script of [buildClinicScript(variables, "appointment_booked", ask), buildInboundScript(variables, "appointment_booked", ask, null)]) {
      const slot = `${ask.visitDay} at ${ask.visitTime}`;
      expect(said(script, "agent").some((line) => line.includes(slot))).toBe(true);
      expect(script.summary).toContain(slot);
      expect(outcomeOf(script, "appointment_booked")).toBe("appointment_booked");
      // No other weekday creeps in.
      const days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"].filter((day) => day !== ask.visitDay);
      for (const line of [...said(script, "agent"), ...said(script, "user"), script.summary]) for (const day of days) expect(line).not.toContain(day);
    }
  });

  it("every outcome has its own title and a data collection that says it", () => {
    for (const outcome of CALL_OUTCOMES) expect(outcomeOf(buildClinicScript(variables, outcome, asks[1]!), outcome)).toBe(outcome);
    for (const outcome of INBOUND_OUTCOMES) expect(outcomeOf(buildInboundScript(variables, outcome, asks[1]!, "Riley Brooks"), outcome)).toBe(outcome);
  });

  it("every call-back time the patient may ask for is one the app's parser reads", () => {
    const now = Date.UTC(2026, 11, 3, 2, 0);
    for (let seed = 0; seed < 200; seed++)
      expect(parseCallbackTime(choosePatientAsk(mulberry32(seed)).callbackWhen, { now, timeZone: "Australia/Sydney" })).not.toBeNull();
  });
});

describe("a Hindi-speaking patient's call (the dial's language is hi-IN)", () => {
  const hindi = { ...variables, contact_name: "Asha Verma", greeting: "नमस्ते", language: "hi-IN" };
  const hindiAsks: PatientAsk[] = Array.from({ length: 12 }, (_, seed) => choosePatientAsk(mulberry32(seed), true));

  it("greets in Hindi with the dial's greeting, on every outcome", () => {
    for (const outcome of CALL_OUTCOMES) {
      const first = buildClinicScript(hindi, outcome, hindiAsks[0]!).transcript[0]!;
      expect(first.role).toBe("agent");
      expect(first.message.startsWith("नमस्ते")).toBe(true);
      expect(first.message).toMatch(/बोल रही हूँ|क्या मेरी बात/);
    }
    // The same dial without a language stays English.
    expect(buildClinicScript({ ...hindi, language: "en-AU", greeting: "Good morning" }, "not_interested", asks[0]!).transcript[0]!.message).toBe(
      "Good morning, is this Asha Verma?",
    );
  });

  it.each(hindiAsks.map((ask, seed) => [seed, ask] as const))(
    "seed %i: the call-back and the booking keep the patient's own words throughout",
    (_seed, ask) => {
      const callback = buildClinicScript(hindi, "callback_scheduled", ask);
      expect(said(callback, "user").some((line) => line.includes(ask.callbackWhen))).toBe(true);
      expect(said(callback, "agent").some((line) => line.includes(ask.callbackWhen))).toBe(true);
      expect(callback.summary).toContain(ask.callbackWhen);
      expect(outcomeOf(callback, "callback_scheduled")).toBe("callback_scheduled");
      const booking = buildClinicScript(hindi, "appointment_booked", ask);
      expect(said(booking, "agent").some((line) => line.includes(`${ask.visitDay} को ${ask.visitTime}`))).toBe(true);
      expect(booking.summary).toContain(`${ask.visitDay} ${ask.visitTime}`);
      expect(outcomeOf(booking, "appointment_booked")).toBe("appointment_booked");
    },
  );

  it("every call-back time a Hindi-speaking patient may ask for is one the app's parser reads", () => {
    const now = Date.UTC(2026, 11, 3, 2, 0);
    for (let seed = 0; seed < 200; seed++)
      expect(parseCallbackTime(choosePatientAsk(mulberry32(seed), true).callbackWhen, { now, timeZone: "Asia/Kolkata" })).not.toBeNull();
  });
});

describe("scripts after the app's tools answered", () => {
  // A stand-in for Callboard's agent actions that records what the agent sent and answers in the app's words.
  const received: Array<{ tool: string; body: Record<string, unknown> }> = [];
  let server: Server;
  let tools: AgentTools;
  let refuseBooking = false;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let raw = "";
      req.on("data", (chunk) => (raw += chunk));
      req.on("end", () => {
        const tool = req.url!.slice(1);
        const body = JSON.parse(raw || "{}") as Record<string, unknown>;
        received.push({ tool, body });
        const answer =
          tool === "schedule_callback"
            ? {
                success: true,
                local_time: "2026-12-04 10:00 AM",
                message: "Done — the clinic calls between 9 am and 5 pm on its calling days, so I'll call you Friday at 10:00 AM.",
              }
            : tool === "check_availability"
              ? {
                  slots: [
                    { start_time: "09:00", available: false },
                    { start_time: "09:30", available: true },
                  ],
                }
              : refuseBooking
                ? { success: false, message: "Sorry, 9:30 AM is already taken. I have 10:00 AM or 11:00 AM." }
                : { success: true, message: `Done — ${String(body.customer_name)} is booked for Friday 4 December at 9:30 AM.` };
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = (name: string) => `http://127.0.0.1:${(server.address() as AddressInfo).port}/${name}`;
    tools = {
      tools: ["schedule_callback", "check_availability", "book_appointment"].map((name) => ({
        name,
        api_schema: { url: url(name), method: "POST" as const, request_headers: {} },
      })),
    };
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const call = {
    conversationId: "conv_test",
    direction: "outbound" as const,
    externalNumber: "+61491570156",
    agentNumber: "+61255508000",
    dynamicVariables: variables,
  };
  const run = (outcome: string, ask: PatientAsk) => runAgentTools(tools, outcome, call, ask, () => {}, Date.UTC(2026, 11, 3, 2, 0)) as Promise<ToolResult>;

  it("a call-back: the time the patient says is the one sent, the agent says the app's answer, the summary tells both", async () => {
    const ask = asks[3]!;
    received.length = 0;
    const tool = await run("callback_scheduled", ask);
    expect(received.map((r) => r.tool)).toEqual(["schedule_callback"]);
    expect(received[0]!.body.time).toBe(ask.callbackWhen);
    for (const script of [
      buildClinicScript(variables, "callback_scheduled", ask, tool),
      buildInboundScript(variables, "callback_scheduled", ask, null, tool),
    ]) {
      expect(said(script, "user").some((line) => line.includes(ask.callbackWhen))).toBe(true);
      expect(said(script, "agent")).toContain("Done — the clinic calls between 9 am and 5 pm on its calling days, so I'll call you Friday at 10:00 AM.");
      expect(script.summary).toContain(ask.callbackWhen);
      expect(script.summary).toContain("Friday at 10:00 AM");
      expect(outcomeOf(script, "callback_scheduled")).toBe("callback_scheduled");
    }
  });

  it("a booking: the slot offered is the one booked and the one in the summary", async () => {
    refuseBooking = false;
    received.length = 0;
    const tool = await run("appointment_booked", asks[4]!);
    expect(received.find((r) => r.tool === "book_appointment")?.body).toMatchObject({ start_time: "09:30", customer_name: "Jane Doe" });
    for (const script of [
      buildClinicScript(variables, "appointment_booked", asks[4]!, tool),
      buildInboundScript(variables, "appointment_booked", asks[4]!, null, tool),
    ]) {
      expect(said(script, "agent").some((line) => line.includes("I have Friday 4 December at 9:30 AM"))).toBe(true);
      expect(said(script, "agent")).toContain("Done — Jane Doe is booked for Friday 4 December at 9:30 AM.");
      expect(script.summary).toContain("Friday 4 December at 9:30 AM");
      expect(outcomeOf(script, "appointment_booked")).toBe("appointment_booked");
    }
  });

  it("a booking the app refused ends as a call-back request, not as a booking", async () => {
    refuseBooking = true;
    const tool = await run("appointment_booked", asks[5]!);
    expect(tool.kind).toBe("booking_failed");
    for (const script of [
      buildClinicScript(variables, "appointment_booked", asks[5]!, tool),
      buildInboundScript(variables, "appointment_booked", asks[5]!, null, tool),
    ]) {
      expect(said(script, "agent")).toContain("Sorry, 9:30 AM is already taken. I have 10:00 AM or 11:00 AM.");
      expect(script.title).toMatch(/Booking not completed/);
      expect(script.callSuccessful).toBe("failure");
      expect(outcomeOf(script, "appointment_booked")).toBe("callback");
    }
  });
});
