import { auditActor, withOrg } from "@/lib/auth/with-org";
import { getCall } from "@/lib/calls/history/get-call";

/** One call with its transcript and analysis (the read is audited); another clinic's id answers 404 like a missing one. */
export const GET = withOrg<{ id: string }>("calls.read", async ({ params, ctx }) =>
  Response.json({ call: await getCall(ctx.organization.id, params.id, { actor: auditActor(ctx), via: "api" }) }),
);
