import { getDb } from "@/lib/db";
import { createElevenLabsClient, type ElevenLabsClient } from "@/lib/elevenlabs/client";
import { normalizePhone } from "@/lib/contacts/normalize-phone";
import { recordAuditEvent, type AuditActor } from "@/lib/compliance/record-audit-event";
import { identificationCheck } from "@/lib/compliance/agent-identification";
import { conversationLanguage } from "@/lib/calls/dynamic-variables";
import { SUPPORTED_LANGUAGES, elevenLabsLanguage, languageLabel } from "@/lib/language/supported-languages";

export type CheckStatus = "ok" | "warning" | "missing";

export interface ConfigurationCheck {
  id:
    | "api_key"
    | "webhook_secret"
    | "cron_secret"
    | "agent"
    | "overrides"
    | "phone_number"
    | "agent_token"
    | "registered_agent"
    | "registered_number"
    | "identification"
    | "language_override";
  label: string;
  status: CheckStatus;
  /** A plain sentence: what is right, or what is missing and where to fix it. */
  message: string;
}

function client(): ElevenLabsClient | null {
  try {
    return createElevenLabsClient();
  } catch {
    return null;
  }
}

/**
 * Asks ElevenLabs (or the simulator) whether the clinic's agent and phone number exist, and reports in
 * plain words what is missing on this server (API key, webhook secret, cron secret) and in the clinic's
 * setup (agent, phone number, overrides, the agent's tool token). Reads only; the check itself is audited.
 */
export async function checkConfiguration(
  organizationId: string,
  actor: AuditActor,
  deps: { client?: ElevenLabsClient | null; env?: Record<string, string | undefined> } = {},
): Promise<{ ready: boolean; checks: ConfigurationCheck[] }> {
  const env = deps.env ?? process.env;
  const api = deps.client === undefined ? client() : deps.client;
  const org = await getDb().organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { name: true, elevenLabsAgentId: true, elevenLabsPhoneNumberId: true, locale: true, defaultLanguage: true },
  });
  const checks: ConfigurationCheck[] = [];

  checks.push(
    api
      ? { id: "api_key", label: "ElevenLabs API key", status: "ok", message: "The server has an ElevenLabs API key." }
      : {
          id: "api_key",
          label: "ElevenLabs API key",
          status: "missing",
          message: "ELEVENLABS_API_KEY is not set on the server: no call can be placed. Whoever runs Callboard must set it.",
        },
    env.ELEVENLABS_WEBHOOK_SECRET?.trim()
      ? { id: "webhook_secret", label: "Webhook secret", status: "ok", message: "Post-call webhooks are verified with ELEVENLABS_WEBHOOK_SECRET." }
      : {
          id: "webhook_secret",
          label: "Webhook secret",
          status: "missing",
          message: "ELEVENLABS_WEBHOOK_SECRET is not set: every post-call webhook is refused, so calls never show their transcript or outcome.",
        },
    env.CRON_SECRET?.trim()
      ? { id: "cron_secret", label: "Cron secret", status: "ok", message: "The dispatcher's cron calls are authenticated with CRON_SECRET." }
      : {
          id: "cron_secret",
          label: "Cron secret",
          status: "missing",
          message: "CRON_SECRET is not set: the dispatcher refuses every run, so scheduled calls are never placed.",
        },
  );

  if (!org.elevenLabsAgentId) {
    checks.push({
      id: "agent",
      label: "Agent",
      status: "missing",
      message: "No agent ID is set. Paste it in Voice agent above (ElevenLabs → Agents → your agent).",
    });
  } else if (!api) {
    checks.push({ id: "agent", label: "Agent", status: "warning", message: `Agent ${org.elevenLabsAgentId} could not be checked without an API key.` });
  } else {
    const agent = await api.getAgent(org.elevenLabsAgentId);
    if (agent.ok) {
      checks.push({
        id: "agent",
        label: "Agent",
        status: "ok",
        message: `ElevenLabs knows agent ${org.elevenLabsAgentId}${agent.value.name ? ` (“${agent.value.name}”)` : ""}.`,
      });
      const { firstMessage, prompt } = agent.value.overrides;
      if (firstMessage === false || prompt === false) {
        checks.push({
          id: "overrides",
          label: "Overrides",
          status: "warning",
          message:
            "The agent does not allow first-message and prompt overrides: enable them in ElevenLabs → the agent → Security, or batches with a call script (first message, prompt) are refused.",
        });
      } else if (firstMessage && prompt) {
        checks.push({
          id: "overrides",
          label: "Overrides",
          status: "ok",
          message: "The agent allows first-message and prompt overrides, so batches can carry a call script.",
        });
      }
      checks.push(identificationCheck(agent.value.firstMessage, org.name));
      const language = await languageOverrideCheck(organizationId, org, agent.value.overrides.language);
      if (language) checks.push(language);
    } else {
      checks.push({
        id: "agent",
        label: "Agent",
        status: "missing",
        message:
          agent.error.status === 404
            ? `ElevenLabs has no agent ${org.elevenLabsAgentId}. Check the ID in Voice agent above.`
            : `Could not check the agent: ${agent.error.message}`,
      });
    }
  }

  if (!org.elevenLabsPhoneNumberId) {
    checks.push({
      id: "phone_number",
      label: "Phone number",
      status: "missing",
      message: "No phone-number ID is set. Paste it in Voice agent above (ElevenLabs → Phone numbers).",
    });
  } else if (api) {
    const phone = await api.getPhoneNumber(org.elevenLabsPhoneNumberId);
    checks.push(
      phone.ok
        ? phone.value.supportsOutbound === false
          ? {
              id: "phone_number",
              label: "Phone number",
              status: "missing",
              message: `${phone.value.phoneNumber} cannot place outbound calls. Use a number with outbound calling.`,
            }
          : {
              id: "phone_number",
              label: "Phone number",
              status: "ok",
              message: `Calls come from ${phone.value.phoneNumber}${phone.value.label ? ` (${phone.value.label})` : ""}.`,
            }
        : {
            id: "phone_number",
            label: "Phone number",
            status: "missing",
            message:
              phone.error.status === 404
                ? `ElevenLabs has no phone number ${org.elevenLabsPhoneNumberId}. Check the ID in Voice agent above.`
                : `Could not check the phone number: ${phone.error.message}`,
          },
    );
  }

  if (org.elevenLabsAgentId) {
    const registered = await getDb().voiceAgent.findFirst({ where: { organizationId, agentId: org.elevenLabsAgentId }, select: { id: true } });
    checks.push(
      registered
        ? { id: "agent_token", label: "Agent tool token", status: "ok", message: "The default agent has a tool token for booking and callbacks." }
        : {
            id: "agent_token",
            label: "Agent tool token",
            status: "warning",
            message: "The default agent has no tool token yet: create one under Agents and tool tokens so it can book appointments mid-call.",
          },
    );
  }

  if (api) checks.push(...(await checkRegisteredLines(organizationId, api, org)));

  const ready = checks.every((check) => check.status !== "missing");
  await recordAuditEvent(getDb(), {
    organizationId,
    action: "CONFIGURATION_CHECKED",
    actor,
    targetType: "organization",
    targetId: organizationId,
    data: { ready, missing: checks.filter((c) => c.status === "missing").map((c) => c.id) },
  });
  return { ready, checks };
}

/** Registered lines checked per run; a clinic has a handful, this only bounds a pathological one. */
const MAX_LINES_CHECKED = 20;

/**
 * Confirms every agent and number the clinic registered (beyond the defaults, checked above) against
 * ElevenLabs, and fills in a number's E.164 the first time ElevenLabs tells it (rows carried over from
 * the settings' phone-number id have none); a number ElevenLabs knows differently is a warning.
 */
async function checkRegisteredLines(
  organizationId: string,
  api: ElevenLabsClient,
  defaults: { elevenLabsAgentId: string | null; elevenLabsPhoneNumberId: string | null },
): Promise<ConfigurationCheck[]> {
  const db = getDb();
  const [agents, numbers] = await Promise.all([
    db.voiceAgent.findMany({
      where: { organizationId, agentId: { not: defaults.elevenLabsAgentId ?? "" } },
      select: { agentId: true, name: true },
      orderBy: { createdAt: "asc" },
      take: MAX_LINES_CHECKED,
    }),
    db.phoneNumber.findMany({
      where: { organizationId },
      select: { id: true, phoneNumberId: true, e164: true, label: true },
      orderBy: { createdAt: "asc" },
      take: MAX_LINES_CHECKED,
    }),
  ]);
  const checks: ConfigurationCheck[] = [];
  for (const agent of agents) {
    const found = await api.getAgent(agent.agentId);
    checks.push(
      found.ok
        ? { id: "registered_agent", label: `Agent “${agent.name}”`, status: "ok", message: `ElevenLabs knows agent ${agent.agentId}.` }
        : {
            id: "registered_agent",
            label: `Agent “${agent.name}”`,
            status: "warning",
            message:
              found.error.status === 404
                ? `ElevenLabs has no agent ${agent.agentId}: remove it or fix the ID.`
                : `Could not check agent ${agent.agentId}: ${found.error.message}`,
          },
    );
  }
  for (const number of numbers) {
    const found = await api.getPhoneNumber(number.phoneNumberId);
    const label = `Number “${number.label}”`;
    if (!found.ok) {
      checks.push({
        id: "registered_number",
        label,
        status: "warning",
        message:
          found.error.status === 404
            ? `ElevenLabs has no phone number ${number.phoneNumberId}: remove it or fix the ID.`
            : `Could not check ${number.phoneNumberId}: ${found.error.message}`,
      });
      continue;
    }
    const known = normalizePhone(found.value.phoneNumber, "US");
    if (!number.e164 && known.ok) {
      // Unique across clinics: a number another clinic registered stays unfilled here, and says so.
      const { count } = await db.phoneNumber
        .updateMany({ where: { id: number.id, organizationId, e164: null }, data: { e164: known.e164 } })
        .catch(() => ({ count: 0 }));
      checks.push(
        count
          ? { id: "registered_number", label, status: "ok", message: `${number.phoneNumberId} rings from ${known.e164} (now recorded).` }
          : {
              id: "registered_number",
              label,
              status: "warning",
              message: `${number.phoneNumberId} rings from ${known.e164}, which could not be recorded for this clinic.`,
            },
      );
    } else if (known.ok && number.e164 !== known.e164) {
      checks.push({
        id: "registered_number",
        label,
        status: "warning",
        message: `ElevenLabs says ${number.phoneNumberId} is ${known.e164}, not ${number.e164}: check the number in Settings.`,
      });
    } else {
      checks.push({ id: "registered_number", label, status: "ok", message: `${number.phoneNumberId} is ${number.e164 ?? found.value.phoneNumber}.` });
    }
  }
  return checks;
}

/**
 * Only when some contact speaks another language than the clinic's (a hi-IN patient of an English clinic):
 * their calls carry ElevenLabs' language override, which the agent must allow (and speak).
 */
async function languageOverrideCheck(
  organizationId: string,
  org: { locale: string; defaultLanguage: string | null },
  allowed: boolean | null,
): Promise<ConfigurationCheck | null> {
  const clinic = elevenLabsLanguage(conversationLanguage(org));
  const others = SUPPORTED_LANGUAGES.filter((l) => l.elevenLabs !== clinic).map((l) => l.tag);
  const contact = await getDb().contact.findFirst({ where: { organizationId, language: { in: others } }, select: { language: true } });
  if (!contact?.language) return null;
  const spoken = languageLabel(contact.language);
  if (allowed === false) {
    return {
      id: "language_override",
      label: "Language override",
      status: "warning",
      message: `Some patients speak another language than the clinic (${spoken}), but the agent does not allow the language override: enable it in ElevenLabs → the agent → Security and add the language to the agent, or those calls may not start.`,
    };
  }
  if (allowed === true)
    return {
      id: "language_override",
      label: "Language override",
      status: "ok",
      message: `The agent allows the language override, for patients who speak another language (${spoken}).`,
    };
  return null;
}
