import "server-only";
import type { ComplianceLineProducer } from "@/lib/compliance/status/compliance-line";

/** Without the secret every post-call webhook is refused, so opt-outs said in a call would go unseen. */
export const webhookSecretLine: ComplianceLineProducer = async () => {
  const on = Boolean(process.env.ELEVENLABS_WEBHOOK_SECRET?.trim());
  return {
    label: "Post-call webhook secret",
    on,
    detail: on
      ? "Set: call results (and the opt-outs found in them) are accepted only when ElevenLabs signed them."
      : "Not set: every post-call webhook is refused, so call results and opt-outs said in calls are not recorded. Set ELEVENLABS_WEBHOOK_SECRET.",
  };
};
