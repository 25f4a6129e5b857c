import { withOrg } from "@/lib/auth/with-org";
import { updateAppointmentSchema } from "@/lib/appointments/staff-schemas";
import { updateAppointment } from "@/lib/appointments/update-appointment";
import { readJson } from "@/lib/http/parse-request";

// Move ({ startsAt, durationMinutes }), confirm or cancel ({ status }); cancelled rows are kept for the record.
export const PATCH = withOrg<{ id: string }>("appointments.write", async ({ req, params, ctx }) => {
  const input = await readJson(req, updateAppointmentSchema, 10_000);
  return Response.json({ appointment: await updateAppointment(ctx.organization.id, params.id, input) });
});
