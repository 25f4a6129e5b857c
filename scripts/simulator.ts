/**
 * The ElevenLabs simulator as a process: `tsx scripts/simulator.ts`, then point the app at it with
 * ELEVENLABS_API_BASE_URL=http://localhost:4010.
 *
 * Environment (all optional):
 *   SIMULATOR_HOST              127.0.0.1   interface to listen on
 *   SIMULATOR_PORT              4010
 *   SIMULATOR_LATENCY_MS        150         delay before a dial is answered
 *   SIMULATOR_CALL_DURATION_MS  4000        dial → hang-up (rings for the first quarter)
 *   SIMULATOR_FAILURE_RATE      0.15        share of dials that never connect
 *   SIMULATOR_FAILURE_MIX       busy:1,no-answer:1
 *   SIMULATOR_OUTCOME_MIX       appointment_booked:4,callback_scheduled:2,not_interested:2,voicemail:2
 *   SIMULATOR_CONCURRENCY_LIMIT 10          calls in flight before dials answer 429
 *   SIMULATOR_WEBHOOK_URL       http://localhost:3000/api/calls
 *   SIMULATOR_WEBHOOK_SECRET    $ELEVENLABS_WEBHOOK_SECRET (webhooks go unsigned without either)
 *   SIMULATOR_SEED              random      same seed + same dials = same outcomes
 */
import { createSimulator } from "@/simulator/create-simulator";
import { simulatorOptionsFromEnv } from "@/simulator/options";

const log = (line: string) => console.log(`[simulator ${new Date().toISOString()}] ${line}`);

const simulator = await createSimulator({ ...simulatorOptionsFromEnv(process.env), log });
const config = simulator.config();

log(`ElevenLabs simulator listening on ${simulator.url} (seed ${simulator.seed})`);
log(
  `calls last ${config.callDurationMs} ms, ${Math.round(config.failureRate * 100)}% fail, ` +
    `${config.concurrencyLimit} at once; webhooks → ${config.webhookUrl ?? "nowhere"}`,
);
if (!config.webhookSecret) {
  log("WARNING: no SIMULATOR_WEBHOOK_SECRET or ELEVENLABS_WEBHOOK_SECRET; webhooks are sent unsigned and a verifying app rejects them");
}
log(
  `admin: GET ${simulator.url}/_simulator/requests, POST ${simulator.url}/_simulator/config, POST ${simulator.url}/_simulator/faults, POST ${simulator.url}/_simulator/inbound`,
);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    log(`${signal}: shutting down`);
    void simulator.close().then(() => process.exit(0));
  });
}
