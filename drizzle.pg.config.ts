import { defineConfig } from "drizzle-kit";

// PostgreSQL's migrations (`npm run db:generate` makes both folders); applied by the app.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/pg/schema.ts",
  out: "./db/pg/migrations",
  casing: "snake_case",
});
