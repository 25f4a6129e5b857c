import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { claimDueCalls } from "@/lib/dispatch/claim-due-calls";
import { dispatchClaimedCall } from "@/lib/dispatch/dispatch-claimed-call";
import { createElevenLabsClient } from "@/lib/elevenlabs/client";
import { scheduledCallSelect, toScheduledCallView } from "@/lib/scheduling/scheduled-call-view";
import { shownCallTime } from "@/components/scheduling/shown-call-time";
import { createSimulator, type Simulator } from "@/simulator/create-simulator";
import { createCalls } from "../../factories/calls";
import { createDispatchOrganization } from "../../factories/dispatch";
import { createContact } from "../../factories";

/**
 * What /scheduling says of a pending call the dispatcher held back: "moved · call limit" or "waiting for calling
 * hours", not "retry" with 0 attempts — read from the rows the dispatcher itself writes (lib/scheduling/pending-wait.ts).
 * A London clinic; the patient in London too.
 */
const at = (iso: string) => new Date(iso);

describe("a pending call the dispatcher held back is labelled for what it waits for", () => {
  let simulator: Simulator;
  beforeAll(async () => {
    simulator = await createSimulator({ latencyMs: 0, failureRate: 0, callDurationMs: 60_000, webhookUrl: null, seed: 7 });
  });
  beforeEach(() => simulator.reset());
  afterAll(() => simulator.close());
  const client = () => createElevenLabsClient({ apiKey: "k", baseUrl: simulator.url, timeoutMs: 2_000 });

  async function clinicAndPatient(hours: { start: number; end: number } = { start: 0, end: 1440 }) {
    const organization = await createDispatchOrganization({ maxCallsPerDay: 1, maxCallsPerWeek: 3 });
    await getDb().organization.update({
      where: { id: organization.id },
      data: { timezone: "Europe/London", callingWindowStart: hours.start, callingWindowEnd: hours.end },
    });
    const contact = await createContact(organization.id, { name: "Mia Patel", phoneNumber: "+442079460001" });
    await getDb().contact.update({ where: { id: contact.id }, data: { timezone: "Europe/London" } });
    return { organization, contact };
  }

  /** A call due at `now`, claimed and dispatched then; the row as Scheduling lists it. */
  async function dispatchAt(organizationId: string, contactId: string, now: Date) {
    const line = await getDb().organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: { elevenLabsAgentId: true, elevenLabsPhoneNumberId: true },
    });
    const row = await getDb().scheduledCall.create({
      data: { organizationId, contactId, agentId: line.elevenLabsAgentId!, fromNumber: line.elevenLabsPhoneNumberId!, scheduledTime: now },
    });
    const claimed = await claimDueCalls(organizationId, { runId: `run-${row.id}`, limit: 1, now });
    expect(claimed.map((c) => c.id)).toEqual([row.id]);
    const outcome = await dispatchClaimedCall(claimed[0]!, { runId: `run-${row.id}`, client: client(), now: () => now });
    const view = toScheduledCallView(await getDb().scheduledCall.findUniqueOrThrow({ where: { id: row.id }, select: scheduledCallSelect }));
    return { outcome, view };
  }

  it("over the patient's call limit: 'moved · call limit', 0 attempts", async () => {
    const { organization, contact } = await clinicAndPatient();
    await createCalls(
      organization.id,
      1,
      () => ({ contactId: contact.id, toNumber: contact.phoneNumber, direction: "OUTBOUND", status: "COMPLETED" }),
      at("2026-12-08T09:30:00Z"),
    );
    const { outcome, view } = await dispatchAt(organization.id, contact.id, at("2026-12-08T15:00:00Z"));
    expect(outcome).toBe("deferred");
    expect(view).toMatchObject({ status: "PENDING", attempts: 0, nextAttemptAt: at("2026-12-09T08:00:00Z"), waitingFor: "call_limit" });
    expect(shownCallTime(view, "due").beside).toEqual({ words: "moved · call limit · first planned", at: at("2026-12-08T15:00:00Z") });
    expect(shownCallTime(view, "desc").beside).toEqual({ words: "moved · call limit · due", at: at("2026-12-09T08:00:00Z") });
  });

  it("outside the clinic's calling hours when it came due: 'waiting for calling hours', 0 attempts", async () => {
    const { organization, contact } = await clinicAndPatient({ start: 9 * 60, end: 17 * 60 });
    const { outcome, view } = await dispatchAt(organization.id, contact.id, at("2026-12-08T18:00:00Z"));
    expect(outcome).toBe("deferred");
    expect(view).toMatchObject({ status: "PENDING", attempts: 0, nextAttemptAt: at("2026-12-09T09:00:00Z"), waitingFor: "calling_hours" });
    expect(shownCallTime(view, "due").beside?.words).toBe("waiting for calling hours · first planned");
  });
});
