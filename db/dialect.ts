/**
 * Which database this process runs on, chosen once when it starts: PostgreSQL when
 * `DATABASE_URL` names one, SQLite (`DATABASE_PATH`) otherwise. The table objects every shared
 * query uses (db/schema.ts) are that database's, so one process never mixes the two.
 * Read here and not through lib/env.ts because db/ depends on nothing in lib/; lib/env.ts
 * validates the same variable with the same rule.
 */
export type Dialect = "sqlite" | "postgres";

/** `postgres://…` or `postgresql://…`. */
export const POSTGRES_URL = /^postgres(ql)?:\/\//;

export const dialect: Dialect = POSTGRES_URL.test(process.env.DATABASE_URL ?? "")
  ? "postgres"
  : "sqlite";
