import { beforeAll, describe, expect, it } from "vitest";
import { POST as scheduleRoute } from "@/app/api/scheduled-calls/route";
import { getDb } from "@/lib/db";
import { createSchedulingContacts, createSchedulingMember, upcomingDay, type SchedulingMember } from "../../factories/scheduling";
import { signInAs } from "../helpers/session";

/** POST /api/scheduled-calls with an Idempotency-Key header (callRoute sends no custom headers). */
function scheduleWithKey(body: unknown, key: string) {
  const req = new Request("http://localhost/api/scheduled-calls", {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": key },
    body: JSON.stringify(body),
  });
  return scheduleRoute(req, { params: Promise.resolve({}) });
}

async function answered(res: Response) {
  return { status: res.status, replayed: res.headers.get("idempotent-replayed"), body: (await res.json()) as { batch: { id: string }; detail?: string } };
}

describe("Idempotency-Key on POST /api/scheduled-calls", () => {
  let clinic: SchedulingMember;
  let contactIds: string[];
  const day = upcomingDay("Australia/Sydney", 2);
  const body = () => ({ contactIds, scheduledTime: day.at("10:00").toISOString() });
  const batchesWithKey = (key: string, organizationId = clinic.organization.id) => getDb().callBatch.count({ where: { organizationId, idempotencyKey: key } });

  beforeAll(async () => {
    clinic = await createSchedulingMember("STAFF");
    contactIds = (
      await createSchedulingContacts(clinic.organization.id, [
        { name: "Idem One", phoneNumber: "+61255510001" },
        { name: "Idem Two", phoneNumber: "+61255510002" },
        { name: "Idem Three", phoneNumber: "+61255510003", doNotCall: true },
      ])
    ).map((contact) => contact.id);
  });

  it("answers a repeated request with the first answer and creates one batch", async () => {
    signInAs(clinic.user);
    const first = await answered(await scheduleWithKey(body(), "key-sequential"));
    const second = await answered(await scheduleWithKey(body(), "key-sequential"));
    expect(first).toMatchObject({ status: 201, replayed: null });
    expect(second).toMatchObject({ status: 201, replayed: "true" });
    expect(second.body).toEqual(first.body);
    expect(await batchesWithKey("key-sequential")).toBe(1);
    expect(await getDb().scheduledCall.count({ where: { batchId: first.body.batch.id } })).toBe(2);
  });

  it("creates one batch for two requests with the same key at once", async () => {
    signInAs(clinic.user);
    const results = await Promise.all(
      [scheduleWithKey(body(), "key-concurrent"), scheduleWithKey(body(), "key-concurrent")].map(async (res) => answered(await res)),
    );
    expect(results.map((result) => result.status)).toEqual([201, 201]);
    expect(results.map((result) => result.replayed).sort()).toEqual([null, "true"].sort());
    expect(results[0]!.body).toEqual(results[1]!.body);
    expect(await batchesWithKey("key-concurrent")).toBe(1);
    expect(await getDb().scheduledCall.count({ where: { batchId: results[0]!.body.batch.id } })).toBe(2);
  });

  it("refuses the same key with a different body (409) and writes nothing more", async () => {
    signInAs(clinic.user);
    expect((await scheduleWithKey(body(), "key-reused")).status).toBe(201);
    const calls = await getDb().scheduledCall.count();
    const res = await answered(await scheduleWithKey({ ...body(), staggerMinutes: 5 }, "key-reused"));
    expect(res.status).toBe(409);
    expect(res.body.detail).toBe("This Idempotency-Key was already used for a different request. Send a new key for a new batch.");
    expect(await getDb().scheduledCall.count()).toBe(calls);
    expect(await batchesWithKey("key-reused")).toBe(1);
  });

  it("refuses a different body sent at the same moment as the first with that key", async () => {
    signInAs(clinic.user);
    const results = await Promise.all(
      [scheduleWithKey(body(), "key-race"), scheduleWithKey({ ...body(), staggerMinutes: 9 }, "key-race")].map(async (res) => answered(await res)),
    );
    expect(results.map((result) => result.status).sort()).toEqual([201, 409]);
    expect(await batchesWithKey("key-race")).toBe(1);
  });

  it("treats keys as separate per clinic, and different keys as different batches", async () => {
    signInAs(clinic.user);
    const a = await answered(await scheduleWithKey(body(), "key-a"));
    const b = await answered(await scheduleWithKey(body(), "key-b"));
    expect(a.body.batch.id).not.toBe(b.body.batch.id);

    const other = await createSchedulingMember("STAFF");
    const [theirs] = await createSchedulingContacts(other.organization.id, [{ name: "Other Idem", phoneNumber: "+61255510009" }]);
    signInAs(other.user);
    const res = await answered(await scheduleWithKey({ contactIds: [theirs!.id], scheduledTime: day.at("10:00").toISOString() }, "key-a"));
    expect(res).toMatchObject({ status: 201, replayed: null });
    expect(await batchesWithKey("key-a", other.organization.id)).toBe(1);
    expect(await batchesWithKey("key-a")).toBe(1);
  });
});
