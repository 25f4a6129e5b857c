import { describe, expect, it } from "vitest";
import { POST as registerRoute } from "@/app/api/phone-numbers/route";
import { getDb } from "@/lib/db";
import { createMember } from "../../factories";
import { callRoute, signInAs } from "../helpers/session";

type Problem = { detail: string; issues: { path: string; message: string }[] };

function register(body: { phoneNumberId: string; phoneNumber: string; label: string }) {
  return callRoute(registerRoute, { method: "POST", body });
}

describe("registering a phone number", () => {
  it("a taken id or a taken number is a 409 beside the field that is taken, naming no clinic", async () => {
    const a = await createMember("OWNER");
    const b = await createMember("OWNER");
    signInAs(a.user);
    expect((await register({ phoneNumberId: "phnum_front_desk", phoneNumber: "+61 2 5550 8000", label: "Front desk" })).status).toBe(201);

    signInAs(b.user);
    const sameNumber = await register({ phoneNumberId: "phnum_new_id", phoneNumber: "(02) 5550 8000", label: "Mine" });
    expect(sameNumber.status).toBe(409);
    const numberProblem = (await sameNumber.json()) as Problem;
    expect(numberProblem.issues.map((issue) => issue.path)).toEqual(["phoneNumber"]);
    expect(numberProblem.detail).toContain("phone number is registered already");

    const sameId = await register({ phoneNumberId: "phnum_front_desk", phoneNumber: "+61 2 5550 8111", label: "Mine" });
    expect(sameId.status).toBe(409);
    const idText = await sameId.text();
    expect((JSON.parse(idText) as Problem).issues.map((issue) => issue.path)).toEqual(["phoneNumberId"]);
    expect(idText).not.toContain(a.organization.name);

    expect(await getDb().phoneNumber.count({ where: { organizationId: b.organization.id } })).toBe(0);
  });
});
