import { withOrg } from "@/lib/auth/with-org";
import { readQuery } from "@/lib/http/parse-request";
import { previewCall } from "@/lib/calls/preview-call";
import { callPreviewQuerySchema } from "@/lib/calls/schemas";

export const GET = withOrg("calls.place", async ({ req, ctx }) => {
  const { contactId } = readQuery(req, callPreviewQuerySchema);
  return Response.json(await previewCall(ctx.organization.id, contactId));
});
