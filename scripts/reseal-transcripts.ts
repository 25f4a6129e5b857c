// `npm run transcripts:reseal` — after a key rotation, seals every call's transcript, analysis and
// variables with TRANSCRIPT_ENCRYPTION_KEY (opening old values with TRANSCRIPT_ENCRYPTION_KEY_PREVIOUS).
// Run it against the production database (DATABASE_URL) with both keys set; run it again until it
// reports nothing left, then remove the previous key. docs/transcript-protection.md.
import { resealTranscripts } from "@/lib/compliance/reseal-transcripts";
import { encryptionKeyProblems, KEY_VARIABLE } from "@/lib/crypto/encryption-keys";

async function main() {
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set: point it at the database whose transcripts you re-encrypt.");
  if (!process.env[KEY_VARIABLE]?.trim()) throw new Error(`${KEY_VARIABLE} is not set: it is the key every value will be sealed with.`);
  const problems = encryptionKeyProblems();
  if (problems.length) throw new Error(problems.join(" "));
  const result = await resealTranscripts({ onBatch: (p) => console.log(`… ${p.scanned} calls looked at, ${p.resealed} re-encrypted`) });
  console.log(
    `Done: ${result.scanned} calls looked at, ${result.resealed} re-encrypted with the current key, ${result.skipped} changed meanwhile (run again).`,
  );
  if (result.resealed === 0 && result.skipped === 0)
    console.log("Nothing is sealed with the previous key any more: TRANSCRIPT_ENCRYPTION_KEY_PREVIOUS can be removed.");
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
