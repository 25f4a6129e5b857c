import type { DbClient, getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";

/** The agent and number a dial uses: both owned by the dialing clinic. */
export interface DialLine {
  agentId: string;
  agentPhoneNumberId: string;
  /** The number the patient sees, when known. */
  fromNumber: string | null;
}

export interface DialLineRequest {
  /** An agent chosen for this call; null or undefined: the clinic's default. */
  agentId?: string | null;
  /** A number chosen for this call; null or undefined: the clinic's default. */
  agentPhoneNumberId?: string | null;
}

const unprocessable = (path: string, message: string) => new AppError("unprocessable", message, { issues: [{ path, message }] });

/** The row dialLineSql reads next to its clinic: the chosen (or default) agent and number if this clinic owns them, and the defaults. */
export interface DialLineRow {
  agentId: string | null;
  phoneNumberId: string | null;
  fromNumber: string | null;
  defaultAgent: string | null;
  defaultNumber: string | null;
}

/**
 * The columns and joins that read a dial line next to the clinic aliased `o`: one query reads the defaults
 * and the two ownership rows together (the dispatcher adds them to its read of the patient).
 */
export function dialLineSql(request: DialLineRequest = {}): { columns: Prisma.Sql; joins: Prisma.Sql } {
  return {
    columns: Prisma.sql`a."agentId", p."phoneNumberId", p."e164" AS "fromNumber", o."elevenLabsAgentId" AS "defaultAgent", o."elevenLabsPhoneNumberId" AS "defaultNumber"`,
    joins: Prisma.sql`
      LEFT JOIN "VoiceAgent" a ON a."organizationId" = o."id" AND a."agentId" = coalesce(${request.agentId ?? null}::text, o."elevenLabsAgentId")
      LEFT JOIN "PhoneNumber" p ON p."organizationId" = o."id" AND p."phoneNumberId" = coalesce(${request.agentPhoneNumberId ?? null}::text, o."elevenLabsPhoneNumberId")`,
  };
}

/**
 * Every dial goes through here: the agent and the number must be registered to this clinic (an agent or
 * number id is a key to a clinic's data, and several clinics share one ElevenLabs workspace). A foreign or
 * unknown id is a 422 that names no other clinic, and nothing is dialed.
 */
export async function resolveDialLine(db: DbClient | ReturnType<typeof getDb>, organizationId: string, request: DialLineRequest = {}): Promise<DialLine> {
  const { columns, joins } = dialLineSql(request);
  const [row] = await db.$queryRaw<DialLineRow[]>`SELECT ${columns} FROM "Organization" o ${joins} WHERE o."id" = ${organizationId}`;
  if (!row) throw new AppError("not_found", "Organization not found.");
  return dialLineFrom(row, request);
}

/** The line a dialLineSql row allows, or the AppError that says why none (its request is the one the row was read with). */
export function dialLineFrom(row: DialLineRow, request: DialLineRequest = {}): DialLine {
  if (!row.agentId) {
    if (request.agentId)
      throw unprocessable(
        "agentId",
        `Agent ${request.agentId} is not one of this clinic's agents. Choose one registered under Settings → Agents and phone numbers.`,
      );
    if (row.defaultAgent) throw unprocessable("agentId", "The clinic's default agent is no longer registered to it. An admin can choose another in Settings.");
    throw new AppError("bad_request", "No ElevenLabs agent is configured for this organization yet. An admin can register one and choose it in Settings.", {
      issues: [{ path: "agentId", message: "No agent configured" }],
    });
  }
  if (!row.phoneNumberId) {
    const asked = request.agentPhoneNumberId;
    if (asked)
      throw unprocessable(
        "agentPhoneNumberId",
        `Phone number ${asked} is not one of this clinic's numbers. Choose one registered under Settings → Agents and phone numbers.`,
      );
    if (row.defaultNumber)
      throw unprocessable("agentPhoneNumberId", "The clinic's default phone number is no longer registered to it. An admin can choose another in Settings.");
    throw new AppError("bad_request", "No phone number is configured for this organization yet. An admin can register one and choose it in Settings.", {
      issues: [{ path: "agentPhoneNumberId", message: "No phone number configured" }],
    });
  }
  return { agentId: row.agentId, agentPhoneNumberId: row.phoneNumberId, fromNumber: row.fromNumber };
}
