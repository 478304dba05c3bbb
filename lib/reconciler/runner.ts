import "server-only";

import { randomUUID } from "node:crypto";

import { beat } from "@/db/queries/alerts";
import {
  fencedBy,
  type HeldLease,
  LeaseLostError,
  handOverLease,
  takeLease,
} from "@/db/queries/leases";
import { finishPass, startPass } from "@/db/queries/reconciler-passes";
import { instanceId } from "@/lib/instance";
import { logger } from "@/lib/logger";

import { RECONCILER_BEAT } from "@/lib/overview/warnings";

import { type ReconcileDeps, reconcileOnce } from "./reconcile";

export const LEASE_NAME = "reconciler";
/** How often the lease is renewed, and a pass started when none runs. */
const TICK_MS = 5_000;
/**
 * How long the lease lasts unrenewed, by the database's clock: when its holder dies another
 * instance takes over at its next tick after this, well within 30 s.
 */
export const LEASE_TTL_MS = 20_000;

export const holderId = () => `${instanceId()}:${randomUUID().slice(0, 8)}`;

export type ReconcilerRole = "leader" | "standby" | "off";

const ROLE = Symbol.for("dashboard.reconcilerRole");
const registry = globalThis as { [ROLE]?: () => ReconcilerRole };

/**
 * This process's part in reconciling: `leader` while it holds the lease, `standby` while
 * another instance does, `off` when it does not reconcile. Kept on `globalThis`, so every
 * server bundle of the process (instrumentation, the health route) reads the same.
 */
export function reconcilerRole(): ReconcilerRole {
  return registry[ROLE]?.() ?? "off";
}

/**
 * Runs the reconciler in this process while it holds the database lease: renewed every
 * tick (also while a pass runs), a pass started whenever none runs. Every transaction of a
 * pass first checks the lease at the epoch it was taken with (`fencedBy`), so a holder that
 * lost it — paused past its lease, cut off from the database — writes nothing more; every
 * pass is recorded with its holder, epoch, start, end and outcome.
 */
export function startReconciler(
  deps: () => ReconcileDeps,
  timing: { tickMs: number; ttlMs: number } = { tickMs: TICK_MS, ttlMs: LEASE_TTL_MS },
): () => Promise<void> {
  const holder = holderId();
  let held: { lease: HeldLease; until: number } | undefined;
  let pass: Promise<void> | undefined;
  let stopped = false;

  registry[ROLE] = () => (held && Date.now() < held.until ? "leader" : "standby");

  const tick = async () => {
    const d = deps();
    const asked = Date.now();
    try {
      const lease = await takeLease(d.topups.db, LEASE_NAME, holder, timing.ttlMs);
      held = lease ? { lease, until: asked + timing.ttlMs } : undefined;
    } catch (error) {
      logger.error("reconciler lease could not be renewed", { error });
      return;
    }
    if (held && !pass && !stopped) {
      const lease = held.lease;
      pass = runPass(d, lease).then(
        () => (pass = undefined),
        () => (pass = undefined),
      );
    }
  };
  const timer = setInterval(() => void tick(), timing.tickMs);
  timer.unref();
  void tick();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await pass;
    held = undefined;
    await handOverLease(deps().topups.db, { name: LEASE_NAME, holder });
  };
}

type PassSummary = Awaited<ReturnType<typeof reconcileOnce>>;

/**
 * One pass under `lease`: every write fenced by it, the pass recorded from start to end;
 * what it did, or undefined when it failed or lost the lease (logged and recorded).
 */
export async function runPass(
  d: ReconcileDeps,
  lease: HeldLease,
): Promise<PassSummary | undefined> {
  const db = fencedBy(d.topups.db, lease);
  let id: number;
  try {
    id = await startPass(db, lease.holder, lease.epoch);
  } catch (error) {
    if (!(error instanceof LeaseLostError)) logger.error("reconciler pass not started", { error });
    return undefined;
  }
  try {
    const summary = await reconcileOnce({
      topups: { ...d.topups, db },
      withdrawals: { ...d.withdrawals, db },
    });
    await beat(db, RECONCILER_BEAT, new Date());
    await finishPass(d.topups.db, id, "done", summary);
    if (summary.swept > 0 || summary.topups.checked > 0) logger.info("reconciler pass", summary);
    return summary;
  } catch (error) {
    const lost = error instanceof LeaseLostError;
    if (lost) logger.warn("reconciler lease lost during a pass", { epoch: lease.epoch });
    else logger.error("reconciler pass failed", { error });
    await finishPass(d.topups.db, id, lost ? "lost" : "failed", {
      error: error instanceof Error ? error.message : String(error),
    }).catch(() => undefined);
    return undefined;
  }
}
