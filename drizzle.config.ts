import { defineConfig } from "drizzle-kit";

// Only used by `npm run db:generate`; the app applies migrations itself (db/client.ts).
export default defineConfig({
  dialect: "sqlite",
  schema: "./db/sqlite/schema.ts",
  out: "./db/migrations",
  casing: "snake_case",
});
