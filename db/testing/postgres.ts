import { withClient, withDatabase } from "../pg/maintenance";
import { migratePostgres } from "../pg/migrate";

/**
 * The test run's PostgreSQL databases, all named after the run (`ops_test_<run>_…`) on the
 * server `TEST_DATABASE_URL` names: a migrated template every test database is copied from
 * (`CREATE DATABASE … TEMPLATE`, ~0.1 s), one shared database for code that opens the
 * process-wide handle, and one fresh database per `tempDb()`. All are dropped at the end.
 */

export const templateName = (run: string) => `ops_test_${run}_template`;

/** Creates the run's template and shared databases, migrated; answers the shared one's URL. */
export async function createRunDatabases(adminUrl: string, run: string, migrations: string) {
  const template = templateName(run);
  const shared = `ops_test_${run}_shared`;
  await withClient(adminUrl, async (client) => {
    await client.query(`create database ${template}`);
  });
  await migratePostgres(withDatabase(adminUrl, template), migrations);
  await withClient(adminUrl, async (client) => {
    await client.query(`create database ${shared} template ${template}`);
  });
  return withDatabase(adminUrl, shared);
}

/** A fresh database copied from the run's template. */
export async function createTestDatabase(adminUrl: string, run: string, name: string) {
  await withClient(adminUrl, async (client) => {
    await client.query(`create database ${name} template ${templateName(run)}`);
  });
}

/** Drops every database of the run (connections still open are closed by the server). */
export async function dropRunDatabases(adminUrl: string, run: string): Promise<void> {
  await withClient(adminUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "select datname from pg_database where datname like $1",
      [`ops_test_${run}_%`],
    );
    // The template last: the others were copied from it.
    const names = rows
      .map((r) => r.datname)
      .sort((a, b) => Number(a.endsWith("_template")) - Number(b.endsWith("_template")));
    for (const name of names) await client.query(`drop database if exists ${name} with (force)`);
  });
}
