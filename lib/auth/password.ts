import bcrypt from "bcryptjs";

const COST = 12;
// A real hash of a random string: verifying against it when the user does not exist costs the
// same time as a real check, so response time does not reveal which emails have accounts.
const DUMMY_HASH = "$2b$12$Y0WMWPjTzcmD5HL7UvyWAeRsHekw2eW.OQLWEqtZ29wXgF3/lHbtC";

export const PASSWORD_MIN_LENGTH = 8;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  const ok = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return ok && Boolean(hash);
}
