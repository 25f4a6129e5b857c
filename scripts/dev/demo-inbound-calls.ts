// Local runs with the built-in simulator, on the first start of a database (right after the demo
// seed): patients call the demo clinic, so the dashboard and /calls show inbound calls too.
import pg from "pg";

const DEMO_CLINIC_SLUG = "sunrise-family-clinic";
/** In the (02) 5550 range reserved for fiction, outside the demo contacts' numbers: nobody the clinic knows. */
const UNKNOWN_CALLER = { number: "+61255509999", name: "Riley Brooks" };
const APP_READY_TIMEOUT_MS = 180_000;
/** A simulated call lasts SIMULATOR_CALL_DURATION_MS (4 s by default) plus its tools and webhook. */
const CALL_TIMEOUT_MS = 120_000;
/** next dev compiles a route on its first request; these are the ones the calls hit. */
const ROUTES_TO_WARM = [
  "/api/agent-actions/conversation-init",
  "/api/agent-actions/check-availability/warm-up",
  "/api/agent-actions/book-appointment/warm-up",
  "/api/agent-actions/schedule-callback/warm-up",
  "/api/calls",
];

type Options = { databaseUrl: string; appUrl: string; simulatorUrl: string; log: (line: string) => void };
type InboundScript = { from: string; outcome: "appointment_booked" | "callback_scheduled" | "resolved"; name?: string };

/** The demo clinic's agent and two of its patients' numbers; null when the clinic has no default agent. */
async function demoClinic(databaseUrl: string): Promise<{ agentId: string; knownNumbers: string[] } | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ agentId: string | null; phoneNumber: string | null }>(
      `SELECT o."elevenLabsAgentId" AS "agentId", c."phoneNumber"
         FROM "Organization" o
         LEFT JOIN LATERAL (SELECT k."phoneNumber" FROM "Contact" k WHERE k."organizationId" = o."id" AND NOT EXISTS (SELECT 1 FROM "DoNotCallEntry" d WHERE d."organizationId" = k."organizationId" AND d."phoneNumber" = k."phoneNumber") ORDER BY k."phoneNumber" LIMIT 2) c ON true
        WHERE o."slug" = $1`,
      [DEMO_CLINIC_SLUG],
    );
    const agentId = rows[0]?.agentId;
    if (!agentId) return null;
    return { agentId, knownNumbers: rows.flatMap((row) => (row.phoneNumber ? [row.phoneNumber] : [])) };
  } finally {
    await client.end();
  }
}

/** Resolves once the app answers its health check (next dev is up), or rejects after the timeout. */
async function waitForApp(appUrl: string): Promise<void> {
  const deadline = Date.now() + APP_READY_TIMEOUT_MS;
  for (;;) {
    const up = await fetch(`${appUrl}/api/health`, { signal: AbortSignal.timeout(30_000) }).then(
      (res) => res.status < 500,
      () => false,
    );
    if (up) return;
    if (Date.now() > deadline) throw new Error(`the app did not answer ${appUrl}/api/health within ${APP_READY_TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/**
 * Plays three inbound calls to the demo clinic through the simulator's `POST /_simulator/inbound`:
 * a known patient who books, an unknown number that asks for a call back, a known patient with a
 * question. Each goes through the conversation-initiation webhook, the agent's tools and the signed
 * post-call webhook, like a real call. Called only right after the first-start seed (dev.ts), so a
 * restart does not add three more.
 */
export async function playDemoInboundCalls(options: Options): Promise<void> {
  const clinic = await demoClinic(options.databaseUrl);
  if (!clinic) return options.log("No demo inbound calls: the demo clinic has no default agent.");
  await waitForApp(options.appUrl);
  // Unauthenticated requests: each is refused, but next has compiled the route by then, so the
  // simulator's calls (with their shorter timeouts) do not wait for the compiler.
  for (const route of ROUTES_TO_WARM) {
    await fetch(`${options.appUrl}${route}`, {
      method: "POST",
      body: "{}",
      headers: { "content-type": "application/json" },
      signal: AbortSignal.timeout(120_000),
    }).catch(() => {});
  }

  const [first, second] = clinic.knownNumbers;
  const calls: InboundScript[] = [
    ...(first ? [{ from: first, outcome: "appointment_booked" as const }] : []),
    { from: UNKNOWN_CALLER.number, outcome: "callback_scheduled", name: UNKNOWN_CALLER.name },
    ...(second ? [{ from: second, outcome: "resolved" as const }] : []),
  ];
  options.log(`Demo: ${calls.length} patients call ${DEMO_CLINIC_SLUG} through the simulator, one after another (they appear on / and /calls as each ends).`);
  // One at a time: a local machine compiling next dev answers three overlapping calls too slowly.
  for (const call of calls) {
    const res = await fetch(`${options.simulatorUrl}/_simulator/inbound`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...call, agentId: clinic.agentId }),
    });
    if (!res.ok) throw new Error(`the simulator refused an inbound call: ${res.status} ${await res.text()}`);
    const { conversation_id: conversationId } = (await res.json()) as { conversation_id: string };
    await waitForPostCallWebhook(options.simulatorUrl, conversationId);
  }
}

/** Resolves once the simulator has sent (or given up sending) the call's post-call webhook. */
async function waitForPostCallWebhook(simulatorUrl: string, conversationId: string): Promise<void> {
  const deadline = Date.now() + CALL_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const { deliveries } = (await (await fetch(`${simulatorUrl}/_simulator/deliveries`)).json()) as { deliveries: Array<{ conversationId: string }> };
    if (deliveries.some((delivery) => delivery.conversationId === conversationId)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`call ${conversationId} did not end within ${CALL_TIMEOUT_MS / 1000} s`);
}
