import path from "node:path";
import { defineConfig } from "vitest/config";

const shared = {
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
};

const common = {
  include: ["**/*.test.ts"],
  exclude: ["node_modules/**", ".next/**", "e2e/**"],
  environment: "node",
  setupFiles: ["./vitest.setup.ts"],
  testTimeout: 20_000,
  hookTimeout: 30_000,
  pool: "forks" as const,
};

/**
 * Two projects: every test on SQLite (the embedded default, nothing to install), and, where
 * `TEST_DATABASE_URL` names a PostgreSQL server, the same tests on PostgreSQL, each test's
 * database a fresh copy of one migrated per run (db/testing/pg-global-setup.ts). The SQLite
 * store's own tests (db/sqlite/) run only on SQLite.
 */
export default defineConfig({
  ...shared,
  test: {
    projects: [
      { ...shared, test: { ...common, name: "sqlite", env: { DATABASE_URL: "" } } },
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              ...shared,
              test: {
                ...common,
                name: "postgres",
                exclude: [...common.exclude, "db/sqlite/**"],
                globalSetup: ["./db/testing/pg-global-setup.ts"],
              },
            },
          ]
        : []),
    ],
  },
});
