import type { IncomingMessage, ServerResponse } from "node:http";
import { outboundCallRequestSchema } from "@/lib/elevenlabs/outbound-call-schemas";
import { isHttpFault } from "@/simulator/faults";
import { parseJson, readBody, type Responder } from "@/simulator/http-io";
import { placeOutboundCall } from "@/simulator/place-outbound-call";
import { holdResponse, type SimulatorState } from "@/simulator/simulator-state";
import type { RecordedRequest } from "@/simulator/simulator-types";
import { toValidationDetail } from "@/simulator/validation-errors";

export const DIAL_PATH = "/v1/convai/twilio/outbound-call";

/** `POST /v1/convai/twilio/outbound-call`: validate, apply a pending fault, respect the concurrency limit, place. */
export async function handleDial(state: SimulatorState, req: IncomingMessage, res: ServerResponse, respond: Responder, record: RecordedRequest): Promise<void> {
  const text = await readBody(req);
  const json = parseJson(text);
  record.body = json.ok ? json.value : text;
  if (!json.ok) return respond(422, { detail: [{ type: "json_invalid", loc: ["body", 0], msg: "JSON decode error" }] });

  const parsed = outboundCallRequestSchema.safeParse(json.value);
  if (!parsed.success) return respond(422, { detail: toValidationDetail(parsed.error, "body", json.value) });

  // Faults that answer instead of ElevenLabs apply first; the rest shape a call that is placed
  // (and so wait until the concurrency limit lets it be placed).
  const { config, settings } = state;
  // A number with its own script uses it; every other dial takes from the shared queue.
  const own = state.numberFaults.get(parsed.data.to_number);
  const faults = own && own.length > 0 ? own : state.faults;
  const head = faults[0];
  if (head && isHttpFault(head) && head !== "hang_after_dial") {
    faults.shift();
    settings.log(`fault "${head}" answered a dial to ${parsed.data.to_number}`);
    if (head === "500") return respond(500, { detail: { status: "internal_error", message: "Simulated internal server error" } });
    if (head === "429") return respond(429, concurrencyLimitBody(config.concurrencyLimit));
    if (head === "422") {
      return respond(422, { detail: [{ type: "value_error", loc: ["body", "to_number"], msg: "Value error, the number cannot be called (simulated)" }] });
    }
    if (head === "hang") return holdResponse(state, res);
    req.socket.destroy(); // "reset"
    return;
  }

  if (state.activeCalls.size >= config.concurrencyLimit) return respond(429, concurrencyLimitBody(config.concurrencyLimit));

  const fault = faults.shift();
  if (fault) settings.log(`fault "${fault}" shapes the call to ${parsed.data.to_number}`);
  const call = placeOutboundCall(state, parsed.data, fault, fault && faults === own ? { toNumber: parsed.data.to_number, left: own.length } : null);
  // A plain timer: reset() must not strand this answer, and close() cuts the socket anyway.
  await new Promise<void>((resolve) => setTimeout(resolve, state.config.latencyMs));
  if (fault === "hang_after_dial") return holdResponse(state, res);
  respond(200, { success: true, message: "Success", conversation_id: call.conversationId, callSid: call.callSid });
}

function concurrencyLimitBody(limit: number) {
  return {
    detail: {
      status: "concurrent_limit_exceeded",
      message: `Too many concurrent calls: this workspace allows ${limit} at once. Try again when a call has ended.`,
    },
  };
}
