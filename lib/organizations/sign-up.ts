import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { Prisma } from "@/lib/generated/prisma/client";
import { slugify } from "@/lib/organizations/slugify";
import type { SignUpInput } from "@/lib/organizations/schemas";
import { admitSignUp, LOCKED_OUT_MESSAGE } from "@/lib/auth/sign-in-throttle";

const LOCALE_BY_COUNTRY: Record<string, string> = { AU: "en-AU", NZ: "en-NZ", GB: "en-GB", IE: "en-IE", CA: "en-CA", US: "en-US" };

function isUniqueViolation(error: unknown, field: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  const target = JSON.stringify(error.meta ?? {});
  return target.includes(field);
}

/** Creates a user, their organization and the OWNER membership in one write (rate-limited per address and email). */
export async function signUp(input: SignUpInput, ip = "unknown", now: Date = new Date()) {
  if (!(await admitSignUp(ip, input.email, now))) throw new AppError("rate_limited", LOCKED_OUT_MESSAGE);
  const passwordHash = await hashPassword(input.password);
  const base = slugify(input.organizationName);
  // A taken slug gets a short random suffix; two tries make a collision vanishingly unlikely.
  for (const slug of [base, `${base}-${randomBytes(3).toString("hex")}`, `${base}-${randomBytes(6).toString("hex")}`]) {
    try {
      const user = await getDb().user.create({
        data: {
          email: input.email,
          name: input.name,
          passwordHash,
          memberships: {
            create: {
              role: "OWNER",
              organization: {
                create: {
                  name: input.organizationName,
                  slug,
                  timezone: input.timezone,
                  defaultCountry: input.defaultCountry,
                  locale: input.locale ?? LOCALE_BY_COUNTRY[input.defaultCountry] ?? "en-US",
                },
              },
            },
          },
        },
        select: { id: true, email: true, name: true, memberships: { select: { organizationId: true } } },
      });
      return { userId: user.id, email: user.email, organizationId: user.memberships[0]!.organizationId };
    } catch (error) {
      if (isUniqueViolation(error, "email")) {
        throw new AppError("conflict", "An account with this email already exists. Sign in instead.", {
          issues: [{ path: "email", message: "An account with this email already exists." }],
        });
      }
      if (isUniqueViolation(error, "slug")) continue;
      throw error;
    }
  }
  throw new AppError("conflict", "Could not find a free address for this organization name. Try a different name.");
}
