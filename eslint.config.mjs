import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";

// The layers, as lint rules (ARCHITECTURE.md, "Modules"): each folder lists what it must not import.
const PREFIX = "^(@/|(\\.\\./)+)";
const simulator = {
  regex: `${PREFIX}simulator(/|$)`,
  message: "simulator/ is a development and test tool: production code must not import it (it is never bundled into the app).",
};
const database = [
  {
    regex: `${PREFIX}lib/db$`,
    message: "Components and hooks run in the browser too: read data in a server component or a route, never through the database client.",
  },
  {
    regex: `${PREFIX}lib/generated/prisma/(client|internal|models)`,
    message: "The generated Prisma runtime is server code: components may import types and enums (lib/generated/prisma/enums), not the client.",
    allowTypeImports: true,
  },
  { regex: "^(@prisma/|pg$)", message: "Database drivers are server code: never in components or hooks.", allowTypeImports: true },
];
const upwards = [
  { regex: `${PREFIX}app(/|$)`, message: "lib/ is the domain layer: it never imports the app's pages and routes." },
  { regex: `${PREFIX}components(/|$)`, message: "lib/ is the domain layer: it never imports UI components." },
];
const restrict = (patterns) => ({ "@typescript-eslint/no-restricted-imports": ["error", { patterns }] });

export default defineConfig([
  ...nextVitals,
  ...nextTypeScript,
  { files: ["app/**", "instrumentation.ts", "proxy.ts"], rules: restrict([simulator]) },
  { files: ["components/**", "hooks/**"], rules: restrict([simulator, ...database]) },
  { files: ["lib/**"], rules: restrict([simulator, ...upwards]) },
  globalIgnores([
    ".next/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "lib/generated/**",
    "node_modules/**",
    ".data/**",
    "test-results/**",
    "playwright-report/**",
  ]),
]);
