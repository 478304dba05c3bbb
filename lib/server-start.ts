import "server-only";

import { setTimeout as sleep } from "node:timers/promises";

import { getDb } from "@/lib/db";
import { EnvError, getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";

/** Where scripts/serve.mjs finds the callbacks' handler and the server's stop. */
const CALLBACK_REQUESTS = Symbol.for("dashboard.callbackRequests");
const STOP = Symbol.for("dashboard.stop");
/**
 * How long a stop waits for a reconciler pass under way to end. A longer pass (many orders,
 * a slow upstream) is cut off by the exit: every write of it is fenced and repeatable, and its
 * lease lapses 20 s later instead of being handed over.
 */
const RECONCILER_STOP_WAIT_MS = 8_000;

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
    const callbacks = callbackRequestHandler(callbackIntake());
    let stopReconciler: (() => Promise<void>) | undefined;
    if (env.RECONCILER === "on") {
      const { startReconciler } = await import("@/lib/reconciler/runner");
      const { orderDeps } = await import("@/lib/wiring");
      stopReconciler = startReconciler(orderDeps);
    }
    // Alerts: every process evaluates and sends; the outbox's keys and claims keep it once.
    const { startAlerts } = await import("@/lib/alerts/loop");
    const stopAlerts = startAlerts(getDb, env.ALERT_EVALUATE_SECONDS);
    const registry = globalThis as Record<symbol, unknown>;
    registry[CALLBACK_REQUESTS] = callbacks;
    // The server's part of a clean stop (scripts/serve.mjs calls it on SIGTERM): no more
    // callbacks taken, every one acknowledged processed, and both leases handed back, so a
    // peer takes the reconciler and any claim at once.
    registry[STOP] = async () => {
      stopAlerts();
      const reconciler = stopReconciler?.().then(() => "stopped" as const);
      const [reconcilerStop, processed] = await Promise.all([
        reconciler &&
          Promise.race([
            reconciler,
            sleep(RECONCILER_STOP_WAIT_MS, "pass cut off" as const, { ref: false }),
          ]),
        callbacks.close().then(() => callbackIntake().drain()),
      ]);
      logger.info("server stopped", {
        callbacksProcessedWhileStopping: processed,
        reconciler: reconcilerStop ?? "off",
      });
    };
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
