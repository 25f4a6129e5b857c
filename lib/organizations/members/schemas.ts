import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums";

export const roleSchema = z.enum([Role.OWNER, Role.ADMIN, Role.STAFF], { message: "Use one of OWNER, ADMIN or STAFF" });

export const inviteMemberSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address").max(254),
  role: roleSchema,
});
export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;

export const changeRoleSchema = z.object({ role: roleSchema });

/** An invitation token as the link carries it; anything else cannot be one. */
export const invitationTokenSchema = z.object({
  token: z
    .string()
    .trim()
    .regex(/^cbinv_[A-Za-z0-9_-]{43}$/, "This invitation link is not valid. Ask for a new one."),
});

export const acceptWithSignUpSchema = invitationTokenSchema.extend({
  name: z.string().trim().min(1, "Enter your name").max(120),
  password: z.string().min(8, "Use at least 8 characters").max(200),
});

/** Membership and invitation ids are cuids: anything else is refused before a query. */
export const recordIdSchema = z.string().regex(/^[a-z0-9]{20,40}$/, "Not a valid id");
