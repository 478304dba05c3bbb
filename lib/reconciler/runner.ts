import "server-only";

import { randomUUID } from "node:crypto";
import os from "node:os";

import { beat } from "@/db/queries/alerts";
import { acquireLease, releaseLease } from "@/db/queries/leases";
import { logger } from "@/lib/logger";

import { RECONCILER_BEAT } from "@/lib/overview/warnings";

import { type ReconcileDeps, reconcileOnce } from "./reconcile";

export const LEASE_NAME = "reconciler";
const TICK_MS = 5_000;
const LEASE_TTL_MS = 60_000;

export const holderId = () => `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/**
 * Runs the reconciler in this process every few seconds while it holds the database lease;
 * another process (a second server, the one-shot command) waits until the lease expires.
 */
export function startReconciler(deps: () => ReconcileDeps): () => Promise<void> {
  const holder = holderId();
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const d = deps();
      if (await acquireLease(d.topups.db, LEASE_NAME, holder, LEASE_TTL_MS)) {
        const summary = await reconcileOnce(d);
        await beat(d.topups.db, RECONCILER_BEAT, new Date());
        if (summary.swept > 0 || summary.topups.checked > 0)
          logger.info("reconciler pass", summary);
      }
    } catch (error) {
      logger.error("reconciler pass failed", { error });
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), TICK_MS);
  timer.unref();
  void tick();
  return async () => {
    clearInterval(timer);
    await releaseLease(deps().topups.db, LEASE_NAME, holder);
  };
}
