import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";
import drizzle from "eslint-plugin-drizzle";

/**
 * The layers: app → components → lib → db, and inside lib the entry points (server actions,
 * a signed-in person's use cases, the wiring of the process) above the domain folders.
 * Arrows point down; each layer is refused what sits above it.
 */
const above = (...layers) => ({
  patterns: layers.map(([group, message]) => ({ group, message })),
});
const APP = [["@/app/*", "../**/app/*"], "app/ sits on top: nothing imports from it."];
const COMPONENTS = [
  ["@/components/*", "../**/components/*"],
  "components/ is the UI: lib/ and db/ do not import it.",
];
const LIB = [["@/lib/*", "../**/lib/*"], "db/ is the bottom layer: it imports nothing from lib/."];
const ENTRIES = [
  ["@/lib/actions/*", "@/lib/for-user/*", "@/lib/wiring", "@/lib/wiring-callback-thread"],
  "The domain folders of lib/ are given their dependencies; only entry points (routes, actions, lib/for-user, lib/server-start.ts) reach the wiring.",
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  prettier,
  globalIgnores([
    ".next/**",
    "node_modules/**",
    "db/migrations/**",
    "db/pg/migrations/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
    ".tmp/**",
  ]),
  {
    plugins: { drizzle },
    rules: {
      // An update or delete without `where` touches every row: never what a payment tool wants.
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: "Read configuration through getEnv() in lib/env.ts.",
        },
      ],
    },
  },
  { files: ["db/**"], rules: { "no-restricted-imports": ["error", above(APP, COMPONENTS, LIB)] } },
  {
    files: ["lib/**"],
    ignores: [
      "lib/actions/**",
      "lib/for-user/**",
      "lib/wiring.ts",
      "lib/wiring-callback-thread.ts",
      "lib/server-start.ts",
    ],
    rules: { "no-restricted-imports": ["error", above(APP, COMPONENTS, ENTRIES)] },
  },
  {
    files: ["lib/actions/**", "lib/for-user/**", "lib/wiring*.ts", "lib/server-start.ts"],
    rules: { "no-restricted-imports": ["error", above(APP, COMPONENTS)] },
  },
  { files: ["components/**"], rules: { "no-restricted-imports": ["error", above(APP)] } },
  {
    // A module that imports itself back (through others) has no order to load in.
    files: ["app/**", "components/**", "lib/**", "db/**"],
    rules: { "import/no-cycle": ["error", { ignoreExternal: true }] },
  },
  {
    // A promise nobody awaits runs its writes whenever it runs: after its transaction
    // committed, or not at all before the process exits. Every one is awaited or handled.
    files: [
      "app/**/*.{ts,tsx}",
      "components/**/*.{ts,tsx}",
      "lib/**/*.ts",
      "db/**/*.ts",
      "scripts/**/*.ts",
      "sandbox/**/*.ts",
      "e2e/**/*.ts",
    ],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: false }],
    },
  },
  {
    // The env module itself, Next's start-up hook, the proxy and tooling (tests and their
    // helpers included) read the environment.
    files: [
      "lib/env.ts",
      // The database is chosen before lib/ exists (db/ imports nothing from it).
      "db/dialect.ts",
      "db/testing/**",
      "vitest.config.ts",
      "instrumentation.ts",
      "proxy.ts",
      "playwright.config.ts",
      "e2e/**",
      "scripts/**",
      "sandbox/**",
      "**/*.test.ts",
      "lib/testing/**",
    ],
    rules: { "no-restricted-syntax": "off" },
  },
]);
