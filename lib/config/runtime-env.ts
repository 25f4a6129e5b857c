/**
 * Configuration the server cannot run safely without. Returns the problems in plain words;
 * an empty list means the server may start.
 */
export function runtimeEnvProblems(env: NodeJS.ProcessEnv = process.env): string[] {
  const problems: string[] = [];
  const production = env.NODE_ENV === "production";
  if (production && !env.NEXTAUTH_SECRET) {
    problems.push("NEXTAUTH_SECRET is not set. Sessions cannot be signed safely. Generate one with `openssl rand -base64 32` and set it in the environment.");
  } else if (production && (env.NEXTAUTH_SECRET?.length ?? 0) < 32) {
    problems.push("NEXTAUTH_SECRET is shorter than 32 characters. Use a long random value (`openssl rand -base64 32`).");
  }
  if (!env.DATABASE_URL) {
    problems.push("DATABASE_URL is not set. Point it at PostgreSQL, or use `npm run dev` / `npm start`, which start the embedded database.");
  }
  return problems;
}
