import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";
import drizzle from "eslint-plugin-drizzle";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  prettier,
  globalIgnores([
    ".next/**",
    "node_modules/**",
    "db/migrations/**",
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
  {
    // The env module itself, Next's start-up hook, the proxy and tooling read the environment.
    files: [
      "lib/env.ts",
      "instrumentation.ts",
      "proxy.ts",
      "playwright.config.ts",
      "e2e/**",
      "scripts/**",
      "sandbox/**",
      "**/*.test.ts",
    ],
    rules: { "no-restricted-syntax": "off" },
  },
]);
