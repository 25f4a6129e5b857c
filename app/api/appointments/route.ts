import { withOrg } from "@/lib/auth/with-org";
import { createAppointment } from "@/lib/appointments/create-appointment";
import { listAppointments } from "@/lib/appointments/list-appointments";
import { createAppointmentSchema, listAppointmentsQuerySchema } from "@/lib/appointments/staff-schemas";
import { readJson, readQuery } from "@/lib/http/parse-request";

export const GET = withOrg("appointments.read", async ({ req, ctx }) => {
  const range = readQuery(req, listAppointmentsQuerySchema);
  return Response.json({ appointments: await listAppointments(ctx.organization.id, range) });
});

export const POST = withOrg("appointments.write", async ({ req, ctx }) => {
  const input = await readJson(req, createAppointmentSchema, 20_000);
  return Response.json({ appointment: await createAppointment(ctx.organization, input, ctx.user.id) }, { status: 201 });
});
