import { randomUUID } from "node:crypto";

/** The demo accounts prisma/seed.ts creates (kept in step with it by hand: the seed imports the database client). */
export const DEMO = {
  password: "callboard-demo",
  admin: { email: "admin@sunrise.example", name: "Alex Morgan" },
  staff: { email: "staff@sunrise.example", name: "Sam Taylor" },
  sunrise: "Sunrise Family Clinic",
  harbour: "Harbour Physiotherapy",
} as const;

export interface NewClinic {
  name: string;
  email: string;
  password: string;
  organizationName: string;
}

/** A clinic nobody has signed up yet: a fresh email each call, so runs never collide. */
export function newClinic(overrides: Partial<NewClinic> = {}): NewClinic {
  const id = randomUUID().slice(0, 8);
  return {
    name: `Riley Chen ${id}`,
    email: `e2e-${id}@clinic.example`,
    password: `e2e-password-${id}`,
    organizationName: `Bayside Dental ${id}`,
    ...overrides,
  };
}
