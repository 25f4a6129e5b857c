import type { ContactSelectionPayload } from "@/components/contacts/selection-store";
import { tenantFetch } from "@/lib/http/tenant-fetch";

/** The body of POST /api/scheduled-calls as the dialog sends it (the preview and the real request alike). */
export interface ScheduleRequest {
  selection: ContactSelectionPayload;
  scheduledTime: string;
  agentId?: string;
  agentPhoneNumberId?: string;
  staggerMinutes?: number;
  /** "sequence": one at a time in the order ticked, stopping at the first booking. */
  mode?: "staggered" | "sequence";
  /** The batch's call script (first message, prompt, variables). */
  script?: { firstMessage?: string; prompt?: string; variables?: Record<string, string> };
}

export interface PreviewCall {
  contactId: string;
  name: string;
  phoneNumber: string;
  scheduledTime: string;
  /** The staggered time asked for, when calling hours moved the call. */
  requestedTime: string | null;
  timeZone: string;
  timeZoneSource: "contact" | "number" | "clinic";
}

export interface SkippedContact {
  contactId: string;
  name: string;
  reason: string;
}

/** `POST /api/scheduled-calls?dryRun=1`: the plan, nothing written. */
export interface SchedulePreview {
  mode: "staggered" | "sequence";
  scheduledCount: number;
  movedCount: number;
  /** Of movedCount, the calls moved by the patients' frequency caps. */
  cappedCount: number;
  firstCallAt: string | null;
  lastCallAt: string | null;
  expectedFinishAt: string | null;
  timeZone: string;
  staggerMinutes: number;
  /** The first 500 calls. */
  calls: PreviewCall[];
  skipped: SkippedContact[];
}

/** The 201 answer: the batch as written. */
export interface ScheduledBatch {
  message: string;
  batch: {
    id: string;
    name: string;
    scheduledCount: number;
    skippedCount: number;
    movedCount: number;
    firstCallAt: string | null;
    lastCallAt: string | null;
    expectedFinishAt: string | null;
    timeZone: string;
  };
}

export function postSchedule(request: ScheduleRequest, options: { dryRun: boolean; idempotencyKey?: string; signal?: AbortSignal }): Promise<Response> {
  return tenantFetch(`/api/scheduled-calls${options.dryRun ? "?dryRun=1" : ""}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(options.idempotencyKey ? { "idempotency-key": options.idempotencyKey } : {}) },
    body: JSON.stringify(request),
    signal: options.signal,
  });
}
