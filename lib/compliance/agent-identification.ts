/**
 * Whether an agent's first message says who is calling, as 47 CFR 64.1200(b)(1) asks of an artificial
 * voice: it names the clinic, or holds the {{clinic_name}} variable Callboard fills with it on every call.
 * Case, spacing and punctuation do not matter ("Sunrise Family Clinic" matches "sunrise family-clinic").
 */
export function namesTheClinic(firstMessage: string | null, clinicName: string): boolean {
  if (!firstMessage) return false;
  if (/\{\{\s*clinic_name\s*\}\}/i.test(firstMessage)) return true;
  const plain = (text: string) =>
    ` ${text
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim()} `;
  const name = plain(clinicName);
  return name.trim().length > 0 && plain(firstMessage).includes(name);
}

/** The configuration check's line about it, in words staff can act on. */
export function identificationCheck(firstMessage: string | null, clinicName: string) {
  const base = { id: "identification" as const, label: "Caller identification" };
  if (namesTheClinic(firstMessage, clinicName)) {
    return { ...base, status: "ok" as const, message: "The agent's first message says which clinic is calling." };
  }
  const said = firstMessage
    ? `It says: “${firstMessage.length > 160 ? `${firstMessage.slice(0, 157)}…` : firstMessage}”.`
    : "It has no first message, so it says nothing until the patient speaks.";
  return {
    ...base,
    status: "warning" as const,
    message: `The agent's first message names neither ${clinicName} nor {{clinic_name}}: the law asks an automated call to say at the start who is calling. ${said} Change it in ElevenLabs → the agent → First message, e.g. “Hi {{contact_name}}, this is {{clinic_name}} calling.”`,
  };
}
