import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { createDispatchOrganization, createDueCalls } from "../../factories/dispatch";
import { CRON_SECRET, startDispatchHarness, type DispatchHarness } from "./harness";

describe("cron route authorization", () => {
  let harness: DispatchHarness;
  beforeAll(async () => {
    harness = await startDispatchHarness();
    const organization = await createDispatchOrganization();
    await createDueCalls(organization.id, 3);
  });
  afterAll(() => harness.close());

  async function expectRefusedWithNothingDone(res: Response) {
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(await getDb().scheduledCall.count({ where: { status: "PENDING", attempts: 0 } })).toBe(3);
    expect(await getDb().dispatcherHeartbeat.count()).toBe(0);
    expect(harness.simulator.requests).toHaveLength(0);
  }

  it("answers 401 and does nothing without the header, with a wrong, empty or other-scheme secret", async () => {
    await expectRefusedWithNothingDone(await harness.runCron({ authorization: null }));
    await expectRefusedWithNothingDone(await harness.runCron({ authorization: "Bearer wrong" }));
    await expectRefusedWithNothingDone(await harness.runCron({ authorization: `Bearer ${CRON_SECRET}x` }));
    await expectRefusedWithNothingDone(await harness.runCron({ authorization: "Bearer " }));
    await expectRefusedWithNothingDone(await harness.runCron({ authorization: "" }));
    await expectRefusedWithNothingDone(await harness.runCron({ authorization: CRON_SECRET }));
    await expectRefusedWithNothingDone(await harness.runCron({ authorization: `Basic ${CRON_SECRET}`, method: "POST" }));
  });

  it("fails closed when CRON_SECRET is unset or blank: even 'Bearer undefined' and 'Bearer ' are refused", async () => {
    for (const secret of [undefined, "", "   "]) {
      if (secret === undefined) delete process.env.CRON_SECRET;
      else process.env.CRON_SECRET = secret;
      try {
        await expectRefusedWithNothingDone(await harness.runCron({ authorization: "Bearer undefined" }));
        await expectRefusedWithNothingDone(await harness.runCron({ authorization: "Bearer " }));
        await expectRefusedWithNothingDone(await harness.runCron({ authorization: `Bearer ${secret ?? ""}` }));
      } finally {
        process.env.CRON_SECRET = CRON_SECRET;
      }
    }
  });

  it("answers 503 naming ELEVENLABS_API_KEY when it is unset, with nothing claimed or recorded", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const key = process.env.ELEVENLABS_API_KEY;
    for (const value of [undefined, "  "]) {
      if (value === undefined) delete process.env.ELEVENLABS_API_KEY;
      else process.env.ELEVENLABS_API_KEY = value;
      try {
        const res = await harness.runCron();
        expect(res.status).toBe(503);
        expect(res.headers.get("content-type")).toContain("application/problem+json");
        expect(await res.json()).toMatchObject({
          status: 503,
          code: "service_unavailable",
          missingVariables: ["ELEVENLABS_API_KEY"],
          detail: expect.stringContaining("ELEVENLABS_API_KEY is not set"),
        });
        expect(await getDb().scheduledCall.count({ where: { status: "PENDING", attempts: 0 } })).toBe(3);
        expect(await getDb().dispatcherHeartbeat.count()).toBe(0);
        expect(harness.simulator.requests).toHaveLength(0);
      } finally {
        process.env.ELEVENLABS_API_KEY = key;
      }
    }
    // The operator's log says it too.
    expect(log).toHaveBeenCalledWith(expect.stringContaining("ELEVENLABS_API_KEY is not set"));
    log.mockRestore();
  });

  it("runs with the right secret, by GET (Vercel Cron) and POST, in the shape clients expect", async () => {
    const res = await harness.runCron();
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ success: true, message: "Processed 3 scheduled call(s)", results: { processed: 3, succeeded: 3, failed: 0, errors: [] } });
    expect(body).toHaveProperty("deferred");
    expect(body).toHaveProperty("reconciled");
    expect(body).toHaveProperty("swept");
    const post = await harness.runCron({ method: "POST" });
    expect(await post.json()).toMatchObject({ message: "Processed 0 scheduled call(s)" });
    expect((await getDb().dispatcherHeartbeat.findUniqueOrThrow({ where: { id: "cron" } })).lastFinishedAt).not.toBeNull();
    await harness.settle();
  });
});
