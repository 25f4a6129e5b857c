import { runtimeEnvProblems } from "@/lib/config/runtime-env";

/** Node-only: stops the server process when its configuration is unsafe or incomplete. */
export function refuseUnsafeStart() {
  const problems = runtimeEnvProblems();
  if (problems.length === 0) return;
  console.error(`\nCallboard cannot start:\n${problems.map((p) => `  - ${p}`).join("\n")}\n`);
  process.exit(1);
}
