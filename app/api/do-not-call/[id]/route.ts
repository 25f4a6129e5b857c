import { auditActor, withOrg } from "@/lib/auth/with-org";
import { removeFromDoNotCall } from "@/lib/compliance/do-not-call/remove-from-do-not-call";

/** Takes a number off the list (admins); another clinic's entry is a 404. */
export const DELETE = withOrg<{ id: string }>("doNotCall.remove", async ({ params, ctx }) => {
  await removeFromDoNotCall(ctx.organization.id, auditActor(ctx), params.id);
  return new Response(null, { status: 204 });
});
