// Agent actions: check-availability and book-appointment with 5,000 appointments in the clinic, as the
// voice agent calls them mid-call — the route handler in this process (token check, JSON, SQL, the
// spoken answer). The agent is talking while it waits: goal p95 < 50 ms, printed as a ratio (≥ 1 meets it).
//
// Options: BENCH_APPOINTMENTS (default 5000), BENCH_ITERATIONS (default 40).
import type { Db } from "../lib/db";
import { POST as checkAvailabilityRoute } from "../app/api/agent-actions/check-availability/[agent_id]/route";
import { POST as bookAppointmentRoute } from "../app/api/agent-actions/book-appointment/[agent_id]/route";
import { createSecretToken } from "../lib/auth/secret-token";
import { goalRatio, line, measure, sizeFromEnv, timeOnce, ITERATIONS, type Result, type SuiteReport } from "./measure";
import { benchId, createBenchOrganization, deleteBenchOrganizations } from "./organizations";

const APPOINTMENTS = sizeFromEnv("BENCH_APPOINTMENTS", 5_000);
const GOAL_P95_MS = 50;
const SLOT_MS = 30 * 60_000;
const AGENT = "agent_bench_appointments";

/**
 * Appointments in 30-minute slots from tomorrow 00:00 UTC, around the clock (the clinic is open all day,
 * in UTC): three booked, one free, so every day has free slots to find and book (slot 4k+3 is free).
 */
function seedAppointmentsSql(organizationId: string, count: number, base: number): string {
  return `INSERT INTO "Appointment" ("id", "organizationId", "title", "startsAt", "endsAt", "attendeeName", "attendeePhone", "status", "source", "updatedAt")
    SELECT '${organizationId}_' || lpad(i::text, 6, '0'), '${organizationId}', 'Appointment', s, s + interval '30 minutes',
           'Patient ' || i, '+6125550' || lpad((i % 10000)::text, 4, '0'), (ARRAY['SCHEDULED','CONFIRMED']::"AppointmentStatus"[])[1 + i % 2],
           (ARRAY['STAFF','AGENT']::"AppointmentSource"[])[1 + i % 2], now()
      FROM generate_series(0, ${count - 1}) AS i,
           LATERAL (SELECT to_timestamp(${base / 1000}) + make_interval(mins => 30 * (i + i / 3)) AS s) AS slot`;
}

const utc = (at: number) => ({ date: new Date(at).toISOString().slice(0, 10), time: new Date(at).toISOString().slice(11, 16) });

export async function benchAppointments(db: Db): Promise<SuiteReport> {
  console.log(
    `Agent actions: ${APPOINTMENTS.toLocaleString("en")} appointments in one clinic (+ ${(APPOINTMENTS / 5).toLocaleString("en")} in a neighbour), route handlers in process.\n`,
  );
  const clinic = await createBenchOrganization(db, benchId("appointments"), { timezone: "Etc/GMT" });
  const neighbour = await createBenchOrganization(db, benchId("appointments_neighbour"), { timezone: "Etc/GMT" });
  const results: Result[] = [];
  const timings: Record<string, number> = {};
  const ratios: Record<string, number> = {};
  const base = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 1);
  const days = Math.ceil((APPOINTMENTS * 4) / 3 / 48);
  try {
    console.log("Setting up");
    const { token, hash, visiblePrefix } = createSecretToken("cbat");
    timings.seed = await timeOnce(`seed ${APPOINTMENTS.toLocaleString("en")} appointments`, async () => {
      const allDay = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: 0, end: 1440 }));
      await db.organization.updateMany({ where: { id: { in: [clinic, neighbour] } }, data: { openingHours: allDay, appointmentSlotMinutes: 30 } });
      await db.voiceAgent.create({
        data: { organizationId: clinic, agentId: AGENT, name: "Bench", tokenHash: hash, tokenPrefix: visiblePrefix, tokenCreatedAt: new Date() },
      });
      await db.$executeRawUnsafe(seedAppointmentsSql(clinic, APPOINTMENTS, base));
      await db.$executeRawUnsafe(seedAppointmentsSql(neighbour, APPOINTMENTS / 5, base));
      await db.$executeRawUnsafe(`VACUUM ANALYZE "Appointment"`);
    });

    const call = async (route: typeof checkAvailabilityRoute, body: unknown) => {
      const req = new Request(`http://localhost/api/agent-actions/x/${AGENT}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-agent-token": token },
        body: JSON.stringify(body),
      });
      const res = await route(req, { params: Promise.resolve({ agent_id: AGENT }) });
      const answer = (await res.json()) as { success?: boolean; message: string };
      if (res.status >= 400) throw new Error(`${res.status}: ${answer.message}`);
      return answer;
    };

    // Days spread over the seeded range, each with 48 slots of which a quarter are free.
    let day = 0;
    const nextDay = () => utc(base + ((day++ * 7) % days) * 86_400_000).date;
    console.log(`\ncheck-availability, ${days} busy days (48 slots a day, 36 booked)`);
    const check = await measure("check-availability (a whole day)", () => call(checkAvailabilityRoute, { date: nextDay() }));
    const checkTime = await measure("check-availability with a preferred time", () => call(checkAvailabilityRoute, { date: nextDay(), time: "10:00" }));
    results.push(check, checkTime);

    // Free slots (4k + 3), one per booking, spread out so each lands on a different stretch of the table.
    let free = 0;
    const nextFree = () => utc(base + (4 * ((free++ * 37) % Math.floor(APPOINTMENTS / 3)) + 3) * SLOT_MS);
    console.log("\nbook-appointment");
    const book = await measure("book-appointment (a free slot)", async () => {
      const { date, time } = nextFree();
      const answer = await call(bookAppointmentRoute, {
        date,
        start_time: time,
        duration_minutes: 30,
        customer_name: "Bench Patient",
        customer_phone: `+6125550${String(free % 10_000).padStart(4, "0")}`,
      });
      if (!answer.success) throw new Error(`Not booked: ${answer.message}`);
    });
    let taken = 0;
    const takenSlot = () => utc(base + 4 * ((taken++ * 53) % Math.floor(APPOINTMENTS / 3)) * SLOT_MS);
    const refused = await measure("book-appointment (taken: nearest free offered)", async () => {
      const { date, time } = takenSlot();
      const answer = await call(bookAppointmentRoute, {
        date,
        start_time: time,
        duration_minutes: 30,
        customer_name: "Bench Patient",
        customer_phone: "+61255509999",
      });
      if (answer.success) throw new Error("A taken slot was booked");
    });
    results.push(book, refused);

    console.log(`\nGoal: p95 < ${GOAL_P95_MS} ms for each`);
    for (const result of results) {
      ratios[result.name] = GOAL_P95_MS / result.p95;
      line(result.name, goalRatio(ratios[result.name]!));
    }
  } finally {
    await deleteBenchOrganizations(db, [clinic, neighbour]);
  }
  return { sizes: { appointments: APPOINTMENTS, neighbourAppointments: APPOINTMENTS / 5, iterations: ITERATIONS }, results, timings, ratios };
}
