import { describe, expect, it } from "vitest";
import { problemResponse } from "@/lib/errors";
import { agentSettingsSchema, callingRulesSchema, defaultLanguageSettingsSchema, openingHoursSchema } from "@/lib/organizations/schemas";
import { expectedVersion, settingsChangedError, settingsVersionSchema } from "@/lib/organizations/settings-version";

describe("expectedVersion", () => {
  it("names the version the client loaded, 0 included", () => {
    expect(expectedVersion("callingRulesVersion", 4)).toEqual({ callingRulesVersion: 4 });
    expect(expectedVersion("openingHoursVersion", 0)).toEqual({ openingHoursVersion: 0 });
  });

  it("adds no key at all without one: `{ column: undefined }` would be no filter to Prisma", () => {
    const where = expectedVersion("agentSettingsVersion", undefined);
    expect(where).toEqual({});
    expect("agentSettingsVersion" in where).toBe(false);
  });
});

describe("settingsVersionSchema", () => {
  it("takes a whole number in PostgreSQL's integer range, or nothing", () => {
    for (const version of [0, 1, 2_147_483_647, undefined]) expect(settingsVersionSchema.safeParse(version).success, String(version)).toBe(true);
  });

  it("refuses anything else", () => {
    for (const version of [-1, 1.5, "1", null, 2_147_483_648, 2 ** 53 + 2, Number.NaN]) {
      expect(settingsVersionSchema.safeParse(version).success, String(version)).toBe(false);
    }
  });
});

describe("the section schemas", () => {
  it("carry the version beside the fields, optional", () => {
    expect(agentSettingsSchema.parse({ elevenLabsAgentId: "agent_a", elevenLabsPhoneNumberId: null, version: 2 })).toMatchObject({ version: 2 });
    expect(agentSettingsSchema.parse({ elevenLabsAgentId: "agent_a", elevenLabsPhoneNumberId: null }).version).toBeUndefined();
    expect(defaultLanguageSettingsSchema.parse({ defaultLanguage: "en-GB", version: 0 })).toEqual({ defaultLanguage: "en-GB", version: 0 });
    expect(callingRulesSchema.parse({ maxAttempts: 4, version: 3 })).toMatchObject({ maxAttempts: 4, version: 3 });
    expect(openingHoursSchema.parse({ appointmentSlotMinutes: 20, version: 1 })).toEqual({ appointmentSlotMinutes: 20, version: 1 });
  });

  it("count a version alone as nothing to change", () => {
    expect(callingRulesSchema.safeParse({ version: 3 }).error?.issues.map((i) => i.message)).toEqual(["Nothing to change"]);
    expect(openingHoursSchema.safeParse({ version: 3 }).error?.issues.map((i) => i.message)).toEqual(["Nothing to change"]);
  });
});

describe("settingsChangedError", () => {
  it("is a 409 problem the forms recognise, telling the user to reload", async () => {
    const res = problemResponse(settingsChangedError(), "req-1");
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const body = (await res.json()) as { code: string; detail: string };
    expect(body.code).toBe("stale_settings");
    expect(body.detail).toMatch(/Someone else changed these settings .* Reload the page/);
  });
});
