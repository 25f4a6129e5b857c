import { withOrg } from "@/lib/auth/with-org";
import { listAttention } from "@/lib/attention/list-attention";

/** The overview's "Needs attention": open items newest first, and the last few marked done. */
export const GET = withOrg("calls.read", async ({ ctx }) => {
  return Response.json(await listAttention(ctx.organization.id));
});
