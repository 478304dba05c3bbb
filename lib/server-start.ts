import "server-only";

import { getDb } from "@/lib/db";
import { EnvError, getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";

export async function startServer(): Promise<void> {
  try {
    const env = getEnv();
    // Migrated before anything runs: a database that cannot be reached or migrated is fatal.
    await getDb().$store.ready();
    // Callbacks acknowledged before a restart wait in the database; the worker takes them now.
    const { callbackIntake } = await import("@/lib/callbacks/callback-thread");
    const { callbackRequestHandler } = await import("@/lib/callbacks/intake");
    // scripts/serve.mjs hands the upstreams' callbacks on the dashboard's port to this
    // handler before Next.js's router: the same webhook handler, without the framework.
    (globalThis as Record<symbol, unknown>)[Symbol.for("dashboard.callbackRequests")] =
      callbackRequestHandler(callbackIntake());
    if (env.RECONCILER === "on") {
      const { startReconciler } = await import("@/lib/reconciler/runner");
      const { orderDeps } = await import("@/lib/wiring");
      startReconciler(orderDeps);
    }
    // Alerts: every process evaluates and sends; the outbox's keys and claims keep it once.
    const { startAlerts } = await import("@/lib/alerts/loop");
    startAlerts(getDb, env.ALERT_EVALUATE_SECONDS);
    logger.info("server ready", { env: env.NODE_ENV, reconciler: env.RECONCILER });
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`FATAL: ${error.message}`);
    } else {
      console.error("FATAL: start-up failed", error);
    }
    process.exit(1);
  }
}
