import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { openCallColumn } from "@/lib/calls/history/sealed-call-fields";
import { resealTranscripts } from "@/lib/compliance/reseal-transcripts";
import { createMember } from "../../factories";
import { createCalls } from "../../factories/calls";

const OLD_KEY = Buffer.alloc(32, 1).toString("base64");
const NEW_KEY = Buffer.alloc(32, 2).toString("base64");
const saved = { current: process.env.TRANSCRIPT_ENCRYPTION_KEY, previous: process.env.TRANSCRIPT_ENCRYPTION_KEY_PREVIOUS };
const setKeys = (current: string | undefined, previous: string | undefined) => {
  for (const [name, value] of [
    ["TRANSCRIPT_ENCRYPTION_KEY", current],
    ["TRANSCRIPT_ENCRYPTION_KEY_PREVIOUS", previous],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
};
const kidsOf = async (ids: string[]) =>
  (await getDb().call.findMany({ where: { id: { in: ids } }, select: { transcript: true, analysis: true } })).flatMap((row) =>
    [row.transcript, row.analysis].filter((v) => v !== null).map((v) => (v as { kid?: string }).kid ?? "plain"),
  );

describe("re-encryption after a key rotation (npm run transcripts:reseal)", () => {
  afterEach(() => setKeys(saved.current, saved.previous));

  it("seals every value with the new key, opens with it alone afterwards, and has nothing to do the second time", async () => {
    const { organization } = await createMember("OWNER");
    setKeys(OLD_KEY, undefined);
    const turns = [{ role: "user", message: "only in the old transcript" }];
    const ids = await createCalls(organization.id, 3, () => ({ transcript: turns, analysis: { data_collection_results: { x: 1 } } }));
    // One call stored before encryption existed: plain JSON.
    const [plain] = await createCalls(organization.id, 1);
    await getDb().call.update({ where: { id: plain! }, data: { transcript: turns } });
    const oldKids = new Set(await kidsOf(ids));
    expect(oldKids.size).toBe(1);

    setKeys(NEW_KEY, OLD_KEY);
    const first = await resealTranscripts({ batchSize: 2 });
    expect(first.resealed).toBeGreaterThanOrEqual(4);
    expect(first.skipped).toBe(0);
    const newKids = new Set(await kidsOf([...ids, plain!]));
    expect(newKids.size).toBe(1);
    expect([...newKids][0]).not.toBe([...oldKids][0]);

    // The old key can go: everything opens with the new one alone.
    setKeys(NEW_KEY, undefined);
    for (const id of [...ids, plain!]) {
      const row = await getDb().call.findUniqueOrThrow({ where: { id }, select: { transcript: true } });
      expect(openCallColumn("transcript", row.transcript)).toEqual(turns);
    }
    const raw = await getDb().$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM "Call" WHERE "id" = ANY(${[...ids, plain!]}) AND "transcript"::text LIKE '%only in the old transcript%'`;
    expect(raw[0]!.n).toBe(0);
    const again = await resealTranscripts();
    expect(again).toMatchObject({ resealed: 0, skipped: 0 });
  });
});
