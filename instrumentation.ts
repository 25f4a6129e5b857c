import { runtimeEnvProblems } from "@/lib/config/runtime-env";

/** Runs once when a server starts: refuse to serve with an unsafe or incomplete configuration. */
export function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const problems = runtimeEnvProblems();
  if (problems.length === 0) return;
  console.error(`\nCallboard cannot start:\n${problems.map((p) => `  - ${p}`).join("\n")}\n`);
  process.exit(1);
}
