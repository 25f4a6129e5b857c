import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTypeScript,
  {
    // The ElevenLabs simulator is a development and test tool: production code never imports it,
    // so it is never bundled into the app (scripts/, tests/ and bench/ use it).
    files: ["app/**", "components/**", "hooks/**", "lib/**", "instrumentation.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^(@/|(\\.\\./)+)simulator(/|$)", message: "simulator/ is a development and test tool: production code must not import it." }] },
      ],
    },
  },
  globalIgnores([".next/**", "out/**", "build/**", "next-env.d.ts", "lib/generated/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**"]),
]);
