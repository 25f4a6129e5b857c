import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { POST as triggerRoute } from "@/app/api/calls/trigger/route";
import { POST as testCallRoute } from "@/app/api/organizations/test-call/route";
import { getDb } from "@/lib/db";
import { addDoNotCallNumber } from "@/lib/compliance/do-not-call/add-do-not-call-number";
import { addToDoNotCall } from "@/lib/compliance/do-not-call/add-to-do-not-call";
import { lockDoNotCallForChange } from "@/lib/compliance/do-not-call/do-not-call-lock";
import { recordOptOut } from "@/lib/compliance/do-not-call/record-opt-out";
import { updateContact } from "@/lib/contacts/update-contact";
import { createContact as createContactByStaff } from "@/lib/contacts/create-contact";
import { createContactSchema, updateContactSchema } from "@/lib/contacts/schemas";
import { createSimulator, type Simulator } from "@/simulator/create-simulator";
import { createContact, createMember, registerLine } from "../../factories";
import { callRoute, signInAs } from "../helpers/session";

// limitStaffDials runs after the first read of the list and the consent and before the attempt's
// transaction: another request (staff ticking "Do not call", the agent's opt_out tool) commits here.
const hook = vi.hoisted(() => ({ before: null as null | (() => Promise<void>) }));
vi.mock("@/lib/calls/lifecycle/staff-dial-rate", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/calls/lifecycle/staff-dial-rate")>();
  return {
    ...real,
    limitStaffDials: async (...args: Parameters<typeof real.limitStaffDials>) => {
      const before = hook.before;
      hook.before = null;
      if (before) await before();
      return real.limitStaffDials(...args);
    },
  };
});

type Json = Record<string, unknown>;

describe("Call now and the test call: a do-not-call or consent change committed after the first read", () => {
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
  afterEach(() => {
    simulator.reset();
    hook.before = null;
  });

  async function clinic(role: "STAFF" | "ADMIN" = "STAFF") {
    const member = await createMember(role);
    await registerLine(member.organization.id);
    signInAs(member.user);
    return { ...member, actor: { userId: member.user.id, email: member.user.email, role } };
  }
  const callNow = (contactId: string) => callRoute(triggerRoute, { method: "POST", body: { contactId } });

  it("Call now: a number listed before the attempt is written is not dialed, 409 in the first read's words", async () => {
    const { organization, actor } = await clinic();
    const patient = await createContact(organization.id, { name: "Dee Race" });
    hook.before = async () => {
      await addDoNotCallNumber(organization, actor, { phoneNumber: patient.phoneNumber, reason: "Asked at the desk" });
    };
    const res = await callNow(patient.id);
    expect(res.status).toBe(409);
    expect(((await res.json()) as Json).detail).toBe(
      "Dee Race is on the do-not-call list (Asked at the desk), so Callboard won't call them. If they asked to be called again, an admin can take the number off the list in Settings.",
    );
    expect(simulator.dialsTo(patient.phoneNumber)).toBe(0);
    expect(await getDb().call.count({ where: { organizationId: organization.id } })).toBe(0);
  });

  it("Call now: a consent set to none before the attempt is written is not dialed, 409", async () => {
    const { organization, actor } = await clinic();
    const patient = await createContact(organization.id, { name: "Con Race" });
    hook.before = async () => {
      await updateContact(organization, actor, patient.id, updateContactSchema.parse({ consentBasis: "NONE" }));
    };
    const res = await callNow(patient.id);
    expect(res.status).toBe(409);
    expect(((await res.json()) as Json).detail).toMatch(/^Con Race has agreed to no calls \(their consent is recorded as none\)/);
    expect(simulator.dialsTo(patient.phoneNumber)).toBe(0);
    expect(await getDb().call.count({ where: { organizationId: organization.id } })).toBe(0);
  });

  it("the test call: a number the agent's opt-out listed before the attempt is not dialed, 409", async () => {
    const { organization } = await clinic("ADMIN");
    hook.before = async () => {
      await recordOptOut({
        organizationId: organization.id,
        phoneNumber: "+61255509911",
        source: "AGENT_OPT_OUT",
        callId: null,
        conversationId: null,
        evidence: null,
      });
    };
    const res = await callRoute(testCallRoute, { method: "POST", body: { phoneNumber: "(02) 5550 9911" } });
    expect(res.status).toBe(409);
    expect(((await res.json()) as Json).detail).toMatch(/^This number is on the do-not-call list \(Asked not to be called\), so Callboard won't call it/);
    expect(simulator.dialsTo("+61255509911")).toBe(0);
    expect(await getDb().call.count({ where: { organizationId: organization.id } })).toBe(0);
  });

  it("the test call to a patient whose consent became none before the attempt: not dialed, 409", async () => {
    const { organization, actor } = await clinic("ADMIN");
    const patient = await createContact(organization.id, { name: "Nell Late", phoneNumber: "+61255509912" });
    hook.before = async () => {
      await updateContact(organization, actor, patient.id, updateContactSchema.parse({ consentBasis: "NONE" }));
    };
    const res = await callRoute(testCallRoute, { method: "POST", body: { phoneNumber: "(02) 5550 9912" } });
    expect(res.status).toBe(409);
    expect(((await res.json()) as Json).detail).toMatch(/^This number is Nell Late's, who has agreed to no calls/);
    expect(simulator.dialsTo("+61255509912")).toBe(0);
  });

  it("the test call to a number nobody had, made a contact with consent none before the attempt: not dialed, 409", async () => {
    const { organization, actor } = await clinic("ADMIN");
    hook.before = async () => {
      await createContactByStaff(organization, actor, createContactSchema.parse({ name: "Nora New", phoneNumber: "+61255509931", consentBasis: "NONE" }));
    };
    const res = await callRoute(testCallRoute, { method: "POST", body: { phoneNumber: "(02) 5550 9931" } });
    expect(res.status).toBe(409);
    expect(((await res.json()) as Json).detail).toMatch(/^This number is Nora New's, who has agreed to no calls/);
    expect(simulator.dialsTo("+61255509931")).toBe(0);
  });

  // PGlite serves one connection at a time: a second connection's statement waits for the whole transaction there.
  it.runIf(inject("databaseKind") === "postgres")("Call now while a listing is about to commit: waits for it and answers 409", async () => {
    const { organization } = await clinic();
    const patient = await createContact(organization.id, { name: "Wade Waits" });
    let listing: Promise<unknown> | null = null;
    hook.before = async () => {
      let held: () => void = () => {};
      const locked = new Promise<void>((resolve) => (held = resolve));
      // Staff's tick, written and holding the lock, commits 300 ms later: the dial reads after it.
      listing = getDb().$transaction(async (tx) => {
        await addToDoNotCall(tx, { organizationId: organization.id, phoneNumber: patient.phoneNumber, reason: null, source: "STAFF" });
        await lockDoNotCallForChange(tx, organization.id);
        held();
        await new Promise((resolve) => setTimeout(resolve, 300));
      });
      await locked;
    };
    const res = await callNow(patient.id);
    await listing;
    expect(res.status).toBe(409);
    expect(simulator.dialsTo(patient.phoneNumber)).toBe(0);
    expect(await getDb().call.count({ where: { organizationId: organization.id } })).toBe(0);
  });
});
