import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";

/** The advisory lock every instance takes to migrate: one applies, the others wait and find nothing left. */
const MIGRATION_LOCK = 7_267_001;

/**
 * Brings the database up to date with `folder`'s migrations (drizzle-kit's, plus the
 * hand-written triggers and search indexes), on a connection of its own outside the pool.
 */
export async function migratePostgres(url: string, folder: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Notices such as "relation already exists, skipping" are not news.
    await client.query("set client_min_messages = warning");
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migrate(drizzle({ client, casing: "snake_case" }), { migrationsFolder: folder });
  } finally {
    await client.end();
  }
}
