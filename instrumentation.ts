/**
 * Runs once when the server starts: configuration is validated (a missing or weak secret in
 * production stops the process with a message naming the variable) and the database is
 * opened, which applies pending migrations before the first request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("@/lib/server-start");
  await startServer();
}
