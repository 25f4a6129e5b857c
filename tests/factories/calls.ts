import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { SEALED_CALL_COLUMNS, sealCallColumn } from "@/lib/calls/history/sealed-call-fields";

let sequence = 0;

/**
 * `count` finished calls of an organization, one a minute back from `newest` (so the order is known),
 * each shaped by `each(i)`. Transcript, analysis and dynamic variables given in the clear are stored
 * sealed, as the app stores them. Returns their ids, newest first.
 */
export async function createCalls(
  organizationId: string,
  count: number,
  each: (i: number) => Partial<Prisma.CallCreateManyInput> = () => ({}),
  newest = new Date("2026-11-22T03:00:00Z"),
): Promise<string[]> {
  const run = `${Date.now().toString(36)}${(sequence++).toString(36)}`;
  const rows = Array.from({ length: count }, (_, i) => {
    const row: Prisma.CallCreateManyInput = {
      id: `call_${run}_${String(i).padStart(6, "0")}`,
      organizationId,
      toNumber: "+61255500001",
      status: "COMPLETED" as const,
      outcome: "resolved",
      createdAt: new Date(newest.getTime() - i * 60_000),
      ...each(i),
    };
    for (const column of SEALED_CALL_COLUMNS) {
      if (row[column] !== undefined && row[column] !== null) row[column] = sealCallColumn(column, row[column]) as Prisma.InputJsonObject;
    }
    return row;
  });
  await getDb().call.createMany({ data: rows });
  return rows.map((row) => row.id!);
}

/** A finished conversation Callboard did not dial (a patient rang the clinic), as ElevenLabs posts it. */
export function inboundCallEvent(
  conversationId: string,
  agentId: string,
  from: string,
  options: { clinicNumber?: string; said?: string; summary?: string; outcome?: string; callerName?: string } = {},
) {
  const now = Math.floor(Date.now() / 1000);
  return {
    type: "post_call_transcription",
    event_timestamp: now,
    data: {
      agent_id: agentId,
      conversation_id: conversationId,
      status: "done",
      transcript: [
        { role: "agent", message: "Sunrise clinic, how can I help?", time_in_call_secs: 0 },
        { role: "user", message: options.said ?? "Do you have anything free on the 15th?", time_in_call_secs: 3 },
      ],
      metadata: {
        start_time_unix_secs: now - 40,
        call_duration_secs: 40,
        phone_call: {
          direction: "inbound",
          external_number: from,
          agent_number: options.clinicNumber ?? "+61255508888",
          phone_number_id: "phnum_x",
          type: "twilio",
          call_sid: `CA${conversationId}`,
        },
      },
      analysis: {
        transcript_summary: options.summary ?? "Asked about free times on the 15th.",
        call_successful: "success",
        data_collection_results: {
          call_outcome: { value: options.outcome ?? "appointment_booked" },
          ...(options.callerName ? { caller_name: { value: options.callerName } } : {}),
        },
      },
    },
  };
}
