import type { WebhookDelivery } from "@/simulator/deliver-webhook";
import type { FaultMode } from "@/simulator/faults";
import type { InboundCallRequest } from "@/simulator/inbound-call-request";
import type { SimulatorConfig } from "@/simulator/options";
import type { SimulatedCall } from "@/simulator/simulated-call";

export type RecordedRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Parsed JSON, the raw text when it was not JSON, null without a body. */
  body: unknown;
  receivedAt: string;
  /** What the simulator answered; null while held or when the connection was cut. */
  status: number | null;
};

/** The handle create-simulator.ts returns; the admin routes steer the simulator through it. */
export type Simulator = {
  url: string;
  seed: number;
  /** Every API request in arrival order (the `/_simulator` admin endpoints are not recorded). */
  readonly requests: readonly RecordedRequest[];
  readonly deliveries: readonly WebhookDelivery[];
  readonly calls: readonly SimulatedCall[];
  /** How many dial requests named this number (including refused ones). */
  dialsTo(toNumber: string): number;
  /** Calls ringing or talking right now, and the most there have been at once since the last reset. */
  inFlight(): number;
  peakInFlight(): number;
  config(): SimulatorConfig;
  configure(patch: Partial<SimulatorConfig>): SimulatorConfig;
  injectFault(mode: FaultMode, count?: number): void;
  /** Scripts the next dials to one number (E.164), in order: e.g. ["busy", "appointment_booked"]. */
  scriptNumber(toNumber: string, modes: readonly FaultMode[]): void;
  pendingFaults(): FaultMode[];
  /** Drops pending faults, shared and per number. */
  clearFaults(): void;
  clearRequests(): void;
  /**
   * A patient calls the clinic's number: the conversation-initiation webhook to the app, then the
   * agent's tool calls with the caller's number, then (at the end of the call) the post-call webhook.
   * Resolves once the call is picked up (after the initiation webhook).
   */
  playInbound(request: InboundCallRequest): Promise<SimulatedCall>;
  /**
   * Runs the next lifecycle step of every call in flight now (ringing → connected or failed, then
   * connected → done), instead of waiting for the call duration. Returns how many steps ran; tests
   * and demos use it to drive calls without sleeping.
   */
  advance(): number;
  /** The same for one call only: a scripted day drives its calls one after another. */
  advance(conversationId: string): number;
  /** Forgets requests, calls, deliveries and pending faults; cancels calls in flight. */
  reset(): void;
  /** Resolves when no call is in flight and every webhook has been sent. */
  whenIdle(): Promise<void>;
  close(): Promise<void>;
};
