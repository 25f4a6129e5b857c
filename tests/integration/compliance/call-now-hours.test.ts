import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as triggerRoute } from "@/app/api/calls/trigger/route";
import { POST as testCallRoute } from "@/app/api/organizations/test-call/route";
import { POST as scheduleRoute } from "@/app/api/scheduled-calls/route";
import { getDb } from "@/lib/db";
import { createSimulator, type Simulator } from "@/simulator/create-simulator";
import { createCalls } from "../../factories/calls";
import { zoneAtNight } from "../../factories/dispatch";
import { createContact, createMember, registerLine } from "../../factories";
import { callRoute, signInAs } from "../helpers/session";

type Refusal = {
  status: number;
  code: string;
  detail: string;
  rule: string;
  nextAllowedAt: string;
  nextAllowedLocal: { patient: { time: string; timeZone: string }; clinic: { time: string; timeZone: string } };
  canOverride: boolean;
};

describe("Call now and the test call respect the patient's hours and call limits", () => {
  let simulator: Simulator;
  const saved = { ...process.env };
  beforeAll(async () => {
    simulator = await createSimulator({ latencyMs: 0, callDurationMs: 60_000, failureRate: 0, webhookUrl: null, seed: 9 });
    Object.assign(process.env, { ELEVENLABS_API_KEY: "test-key", ELEVENLABS_API_BASE_URL: simulator.url, ELEVENLABS_TIMEOUT_MS: "2000" });
  });
  afterAll(async () => {
    process.env = saved;
    await simulator.close();
  });
  afterEach(() => simulator.reset());

  async function clinicWith(role: "STAFF" | "ADMIN") {
    const member = await createMember(role);
    await registerLine(member.organization.id);
    // Calling hours every day around the clock: only the patient's own hours and limits are in play.
    await getDb().organization.update({
      where: { id: member.organization.id },
      data: { callingDays: [1, 2, 3, 4, 5, 6, 7], callingWindowStart: 0, callingWindowEnd: 1440 },
    });
    signInAs(member.user);
    return member;
  }
  const trigger = (body: unknown) => callRoute(triggerRoute, { method: "POST", body });

  it("at night in the patient's zone: 409 in plain words with the next allowed time in their time and the clinic's; nothing dialed or written", async () => {
    const { organization } = await clinicWith("STAFF");
    const zone = zoneAtNight();
    const patient = await createContact(organization.id, { name: "Ava Night", timezone: zone });
    const res = await trigger({ contactId: patient.id });
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const body = (await res.json()) as Refusal;
    expect(body.detail).toMatch(
      /^Ava Night can't be called now: it is \d\d:\d\d where the patient is .*, outside 08:00–21:00 their time\. The next time inside their hours and the clinic's calling hours is .+ their time \(.+ Australia\/Sydney time\)\.$/,
    );
    expect(body).toMatchObject({
      rule: "hours",
      canOverride: false,
      nextAllowedLocal: { patient: { timeZone: zone }, clinic: { timeZone: "Australia/Sydney" } },
    });
    // 08:00 where it is about 03:00 now: some 5 hours on, on a whole minute.
    const next = Date.parse(body.nextAllowedAt);
    expect(next - Date.now()).toBeGreaterThan(4 * 3_600_000);
    expect(next - Date.now()).toBeLessThan(6 * 3_600_000);
    expect(new Date(next).getUTCMinutes() % 30).toBe(0);
    expect(simulator.dialsTo(patient.phoneNumber)).toBe(0);
    expect(await getDb().call.count({ where: { contactId: patient.id } })).toBe(0);

    // "Schedule at <time>": the offered time is taken as it is.
    const scheduled = await callRoute(scheduleRoute, { method: "POST", body: { contactIds: [patient.id], scheduledTime: body.nextAllowedAt } });
    expect(scheduled.status).toBe(201);
    const row = await getDb().scheduledCall.findFirstOrThrow({ where: { contactId: patient.id } });
    expect(row).toMatchObject({ scheduledTime: new Date(body.nextAllowedAt), requestedTime: null, status: "PENDING" });
  });

  it("over the daily limit: refused with the patient's next day; staff cannot override (403), nothing dialed", async () => {
    const { organization } = await clinicWith("STAFF");
    const patient = await createContact(organization.id, { name: "Leo Twice" });
    await createCalls(
      organization.id,
      1,
      () => ({ contactId: patient.id, toNumber: patient.phoneNumber, direction: "OUTBOUND" }),
      new Date(Date.now() - 60 * 60_000),
    );
    const res = await trigger({ contactId: patient.id });
    expect(res.status).toBe(409);
    const body = (await res.json()) as Refusal;
    expect(body.rule).toBe("cap");
    expect(body.detail).toMatch(
      /^Leo Twice can't be called now: they were already called that day \(at most 1 a day\)\. The next time their limits and the clinic's calling hours allow is /,
    );

    const forbidden = await trigger({ contactId: patient.id, override: { reason: "Results are urgent" } });
    expect(forbidden.status).toBe(403);
    expect(simulator.dialsTo(patient.phoneNumber)).toBe(0);
    expect(await getDb().auditEvent.count({ where: { organizationId: organization.id, action: "CALL_RULES_OVERRIDDEN" } })).toBe(0);
  });

  it("an admin overrides for one call with a reason: dialed once, audited as its own action with the reason", async () => {
    const { organization, user } = await clinicWith("ADMIN");
    const patient = await createContact(organization.id, { name: "Ava Night", timezone: zoneAtNight() });
    const refused = (await (await trigger({ contactId: patient.id })).json()) as Refusal;
    expect(refused.canOverride).toBe(true);

    const tooShort = await trigger({ contactId: patient.id, override: { reason: " " } });
    expect(tooShort.status).toBe(400);

    const res = await trigger({ contactId: patient.id, override: { reason: "Biopsy results she asked for tonight" } });
    expect(res.status).toBe(201);
    const { callId } = (await res.json()) as { callId: string };
    expect(simulator.dialsTo(patient.phoneNumber)).toBe(1);
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { organizationId: organization.id, action: "CALL_RULES_OVERRIDDEN" } });
    expect(audit).toMatchObject({ actorUserId: user.id, actorEmail: user.email, targetType: "call", targetId: callId });
    expect(audit.data).toMatchObject({ contactId: patient.id, reason: "Biopsy results she asked for tonight", rule: "hours" });

    // One override is one call: the next attempt is refused again (now also over the daily limit).
    expect((await trigger({ contactId: patient.id })).status).toBe(409);
    expect(simulator.dialsTo(patient.phoneNumber)).toBe(1);
  });

  it("a test call to a patient's number gets the patient's hours; to any other number it goes through", async () => {
    const { organization } = await clinicWith("ADMIN");
    const patient = await createContact(organization.id, { name: "Ava Night", phoneNumber: "+61255507777", timezone: zoneAtNight() });
    const refused = await callRoute(testCallRoute, { method: "POST", body: { phoneNumber: "(02) 5550 7777" } });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as Refusal).detail).toMatch(/^Ava Night can't be called now/);
    expect(simulator.dialsTo(patient.phoneNumber)).toBe(0);

    expect((await callRoute(testCallRoute, { method: "POST", body: { phoneNumber: "(02) 5550 7778" } })).status).toBe(201);
    const overridden = await callRoute(testCallRoute, {
      method: "POST",
      body: { phoneNumber: "(02) 5550 7777", override: { reason: "Checking the agent with the patient" } },
    });
    expect(overridden.status).toBe(201);
    expect(simulator.dialsTo(patient.phoneNumber)).toBe(1);
    expect(await getDb().auditEvent.count({ where: { organizationId: organization.id, action: "CALL_RULES_OVERRIDDEN" } })).toBe(1);
    // The call is the patient's: it counts toward their call limits like any other.
    expect(
      await getDb().call.findMany({ where: { organizationId: organization.id }, select: { toNumber: true, contactId: true }, orderBy: { createdAt: "asc" } }),
    ).toEqual([
      { toNumber: "+61255507778", contactId: null },
      { toNumber: "+61255507777", contactId: patient.id },
    ]);
  });
});
