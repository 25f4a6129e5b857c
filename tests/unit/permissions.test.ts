import { describe, expect, it } from "vitest";
import { can } from "@/lib/auth/permissions";

describe("permission table", () => {
  it("lets every member read and call, but only admins and owners change settings", () => {
    for (const role of ["OWNER", "ADMIN", "STAFF"]) {
      expect(can(role, "contacts.read")).toBe(true);
      expect(can(role, "calls.place")).toBe(true);
    }
    expect(can("STAFF", "settings.manage")).toBe(false);
    expect(can("ADMIN", "settings.manage")).toBe(true);
    expect(can("ADMIN", "organization.delete")).toBe(false);
    expect(can("OWNER", "organization.delete")).toBe(true);
    expect(can("STAFF", "calls.override_rules")).toBe(false);
    expect(can("ADMIN", "calls.override_rules")).toBe(true);
  });

  it("gives unknown roles and unknown permissions nothing", () => {
    expect(can("SUPERUSER", "contacts.read")).toBe(false);
    expect(can(undefined, "contacts.read")).toBe(false);
    expect(can("OWNER", "nonexistent.permission" as never)).toBe(false);
  });
});
