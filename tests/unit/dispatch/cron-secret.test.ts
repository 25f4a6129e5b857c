import { describe, expect, it } from "vitest";
import { verifyCronSecret } from "@/lib/auth/cron-secret";

describe("verifyCronSecret", () => {
  const secret = "s3cr3t-value-for-cron";
  it("accepts exactly Bearer <secret>", () => {
    expect(verifyCronSecret(`Bearer ${secret}`, secret)).toBe(true);
  });
  it.each([null, "", "Bearer", "Bearer ", `bearer ${secret}`, `Bearer ${secret} `, `Bearer ${secret}x`, secret, `Basic ${secret}`])("refuses %j", (header) => {
    expect(verifyCronSecret(header, secret)).toBe(false);
  });
  it.each([undefined, "", "  "])("fails closed when the secret is %j, even for 'Bearer undefined'", (unset) => {
    expect(verifyCronSecret("Bearer undefined", unset)).toBe(false);
    expect(verifyCronSecret("Bearer ", unset)).toBe(false);
    expect(verifyCronSecret(`Bearer ${unset ?? ""}`, unset)).toBe(false);
  });
});
