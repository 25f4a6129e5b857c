import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { seed } from "@/prisma/seed";

describe("demo seed: members", () => {
  it("gives every demo clinic an owner, so its only admin cannot leave it ownerless", async () => {
    await seed(getDb());
    const clinics = await getDb().organization.findMany({
      where: { slug: { in: ["sunrise-family-clinic", "harbour-physiotherapy"] } },
      select: { slug: true, memberships: { where: { role: "OWNER" }, select: { user: { select: { email: true } } } } },
      orderBy: { slug: "asc" },
    });
    expect(clinics.map((c) => [c.slug, c.memberships.map((m) => m.user.email)])).toEqual([
      ["harbour-physiotherapy", ["owner@harbourphysio.example"]],
      ["sunrise-family-clinic", ["owner@sunrise.example"]],
    ]);
  });
});
