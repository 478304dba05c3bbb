import { parseArgs } from "node:util";

/**
 * Shared start of every command-line script: loads `.env` when present (Next.js does the
 * same for the server) so scripts and server see one configuration.
 */
export function loadDotEnv(): void {
  try {
    process.loadEnvFile(".env");
  } catch {
    // no .env: the environment alone configures the script
  }
}

export function args<const T extends Record<string, { type: "string" | "boolean" }>>(options: T) {
  return parseArgs({ options, allowPositionals: true, strict: true });
}

export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/**
 * The PostgreSQL database a tool uses for `--db postgres`: `name` on the server
 * `TEST_DATABASE_URL` names (emptied by the tool; never a production database).
 */
export function toolDatabaseUrl(name: string): string {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) fail("--db postgres needs TEST_DATABASE_URL to name a PostgreSQL server");
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}
