// Local runs with the built-in simulator: give the simulated agents Callboard's server tools, so a
// demo call that books really calls book-appointment on this app with a real agent token.
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import pg from "pg";
import { createSecretToken, hashSecretToken } from "@/lib/auth/secret-token";
import { buildServerToolConfig } from "@/lib/agents/server-tool-config";
import { createId } from "@/lib/ids/create-id";

import { PROJECT_ROOT } from "../db/migrations-folder";

type Tokens = Record<string, string>;

/** Where `npm run dev` (and the demo history of the first start) keep the simulated agents' tokens. */
export const DEMO_AGENT_TOKEN_FILE = join(PROJECT_ROOT, ".data", "simulator-agent-tokens.json");

/**
 * For every clinic's default agent (Settings → Voice agent) on this local database: a token only this
 * machine knows, kept in `tokenFile` (.data/, like the generated NEXTAUTH_SECRET — tokens are stored
 * hashed, so the file is the only copy). An agent registered without one here gets one; an agent whose
 * token was made elsewhere (Settings) is left alone — it is never regenerated behind anyone's back — and
 * the log says how to hand it to the simulator. Then the tool JSON (the same the settings page shows) goes
 * to the simulator's `POST /_simulator/config { agentTools }`, as a person would paste it into ElevenLabs,
 * with each clinic's default line (`phoneNumbers`: its registered E.164 number, answered by its default
 * agent), so simulated calls ring from and to the clinic's own number.
 */
export async function configureDemoAgentTools(options: {
  databaseUrl: string;
  appUrl: string;
  simulatorUrl: string;
  tokenFile: string;
  log: (line: string) => void;
}): Promise<void> {
  const saved: Tokens = existsSync(options.tokenFile) ? (JSON.parse(await readFile(options.tokenFile, "utf8")) as Tokens) : {};
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  const agentTools: Record<string, ReturnType<typeof buildServerToolConfig>> = {};
  const phoneNumbers: Record<string, { number: string; agentId: string }> = {};
  try {
    const { rows } = await client.query<{
      organizationId: string;
      agentId: string;
      voiceAgentId: string | null;
      tokenHash: string | null;
      phoneNumberId: string | null;
      e164: string | null;
    }>(
      `SELECT o."id" AS "organizationId", o."elevenLabsAgentId" AS "agentId", v."id" AS "voiceAgentId", v."tokenHash", p."phoneNumberId", p."e164"
         FROM "Organization" o
         LEFT JOIN "VoiceAgent" v ON v."organizationId" = o."id" AND v."agentId" = o."elevenLabsAgentId"
         LEFT JOIN "PhoneNumber" p ON p."organizationId" = o."id" AND p."phoneNumberId" = o."elevenLabsPhoneNumberId"
        WHERE o."elevenLabsAgentId" IS NOT NULL`,
    );
    for (const row of rows) {
      // The clinic's default line rings from (and is answered on) its registered number, with its default agent.
      if (row.phoneNumberId && row.e164) phoneNumbers[row.phoneNumberId] = { number: row.e164, agentId: row.agentId };
      const key = `${row.organizationId}:${row.agentId}`;
      let token = saved[key];
      if (row.voiceAgentId && row.tokenHash && (!token || hashSecretToken(token) !== row.tokenHash)) {
        options.log(
          `Agent ${row.agentId} has a token made in Settings: to let simulated calls book with it, POST its tool JSON to ${options.simulatorUrl}/_simulator/config as { "agentTools": { "${row.agentId}": <tool JSON> } }.`,
        );
        continue;
      }
      if (!row.voiceAgentId || !row.tokenHash) {
        // Not registered yet, or registered without a token (the seed registers the demo agents, the
        // migration carries settings over): a token breaks nobody's pasted one, so make it here.
        const secret = createSecretToken("cbat");
        const id = row.voiceAgentId ?? createId();
        await client.query("BEGIN");
        if (row.voiceAgentId) {
          await client.query(
            `UPDATE "VoiceAgent" SET "tokenHash" = $2, "tokenPrefix" = $3, "tokenCreatedAt" = now(), "updatedAt" = now() WHERE "id" = $1 AND "tokenHash" IS NULL`,
            [id, secret.hash, secret.visiblePrefix],
          );
        } else {
          await client.query(
            `INSERT INTO "VoiceAgent" ("id", "organizationId", "agentId", "name", "tokenHash", "tokenPrefix", "tokenCreatedAt", "createdAt", "updatedAt") VALUES ($1, $2, $3, 'Default agent (demo)', $4, $5, now(), now(), now())`,
            [id, row.organizationId, row.agentId, secret.hash, secret.visiblePrefix],
          );
        }
        await client.query(
          `INSERT INTO "AuditEvent" ("id", "organizationId", "action", "targetType", "targetId", "after", "data") VALUES ($1, $2, $3, 'voice_agent', $4, $5, $6)`,
          [
            createId(),
            row.organizationId,
            row.voiceAgentId ? "AGENT_TOKEN_GENERATED" : "AGENT_REGISTERED",
            id,
            JSON.stringify({ agentId: row.agentId, tokenPrefix: secret.visiblePrefix }),
            JSON.stringify({ by: "npm run dev, for the ElevenLabs simulator" }),
          ],
        );
        await client.query("COMMIT");
        token = secret.token;
        saved[key] = token;
      }
      if (token) agentTools[row.agentId] = buildServerToolConfig(options.appUrl, row.agentId, token);
    }
  } finally {
    await client.end();
  }
  await mkdir(dirname(options.tokenFile), { recursive: true });
  await writeFile(options.tokenFile, JSON.stringify(saved, null, 2), { mode: 0o600 });
  if (Object.keys(agentTools).length === 0 && Object.keys(phoneNumbers).length === 0) return;
  const res = await fetch(`${options.simulatorUrl}/_simulator/config`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ agentTools, phoneNumbers }),
  });
  if (!res.ok) throw new Error(`The simulator refused the agents' tools: ${res.status} ${await res.text()}`);
  if (Object.keys(agentTools).length > 0) {
    options.log(
      `Simulated calls of ${Object.keys(agentTools).join(", ")} book appointments and call-backs on ${options.appUrl} with their tool tokens (kept in ${options.tokenFile}).`,
    );
  }
}
