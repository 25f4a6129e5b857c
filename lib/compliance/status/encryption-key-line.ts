import "server-only";
import { encryptionKeyProblems, KEY_VARIABLE, PREVIOUS_KEY_VARIABLE } from "@/lib/crypto/encryption-keys";
import type { ComplianceLineProducer } from "@/lib/compliance/status/compliance-line";

/** Transcripts are sealed with the clinic-wide key; the public development key protects nothing. */
export const encryptionKeyLine: ComplianceLineProducer = async () => {
  const problems = encryptionKeyProblems();
  const configured = Boolean(process.env[KEY_VARIABLE]?.trim());
  const on = configured && problems.length === 0;
  const rotating = Boolean(process.env[PREVIOUS_KEY_VARIABLE]?.trim());
  return {
    label: "Transcript encryption key",
    on,
    detail: on
      ? `Set: transcripts, analysis and the details sent to the agent are encrypted at rest (AES-256-GCM)${rotating ? "; a rotation is under way (the previous key still opens older values)" : ""}.`
      : problems.length
        ? problems.join(" ")
        : `Not set: transcripts are sealed with the public development key, which protects nothing. Set ${KEY_VARIABLE} (openssl rand -base64 32).`,
  };
};
