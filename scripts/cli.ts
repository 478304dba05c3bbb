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
